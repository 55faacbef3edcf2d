using System.Text;
using System.Text.RegularExpressions;
using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// Routes patches with exactly the semantics of <c>scripts/get_maintainer.pl --nogit
/// --nogit-fallback --nogit-blame --nofixes --norolestats</c>: for every path of the patch
/// (sorted), the matching sections from the most specific to the least; then the keyword
/// sections; maintainers and reviewers de-duplicated by name and by address and mapped
/// through .mailmap, Linus dropped from THE REST, addresses named in touched YAML bindings
/// added, then the lists. Ties between equally specific sections, which the script orders
/// by Perl's hash order (different on every run), are broken by file order here.
/// </summary>
public sealed partial class MaintainersRouter(MaintainersIndex index)
{
    private const string PenguinChief = "Linus Torvalds <torvalds@linux-foundation.org>";

    public MaintainersIndex Index { get; } = index;

    public PatchRoute Route(string patchName, string patchText) => Route(patchName, PatchScan.Read(PatchScan.Lines(patchText), Index));

    public PatchRoute Route(string patchName, PatchScan scan)
    {
        var run = new Run(Index.Mailmap);
        var fileEmails = new List<(string Address, string File)>();
        foreach (string file in scan.Files)
        {
            foreach (var match in Index.Match(file))
            {
                string how = match.Entry.Tag == 'N' ? "N: matches" : "F: matches";
                // get_maintainer.pl reads "--- /dev/null" of a new or deleted file as the path
                // "dev/null", which THE REST's "F: *" then claims; the recipients keep that quirk.
                string what = file == "dev/null" ? "dev/null (the /dev/null side of a new or deleted file)" : file;
                run.AddSection(match.Section, $"{what} ({how} line {match.Entry.Line})");
            }
            fileEmails.AddRange(FileEmails(file).Select(a => (a, file)));
        }
        foreach (var keyword in scan.Keywords)
        {
            var section = Index.File.Sections.First(s => s.Entries.Contains(keyword));
            run.AddSection(section, $"keyword K: {keyword.Value} (line {keyword.Line})");
        }
        return run.Finish(patchName, scan.Files, fileEmails);
    }

    /// <summary>Addresses written in a touched <c>.yaml</c> file of the tree (device-tree bindings list their maintainers there).</summary>
    private IEnumerable<string> FileEmails(string file)
    {
        if (Index.Tree is null || !file.EndsWith(".yaml", StringComparison.Ordinal) || MaintainersName().IsMatch(file))
            return [];
        if (Index.Tree.ReadFile(file) is not { } binding)
            return [];
        // The script reads bytes; Latin-1 keeps one character per byte so its classes mean the same here.
        string text = Encoding.Latin1.GetString(binding.Content);
        return FileEmailCleaner.Clean(FileEmailCleaner.Candidates(text))
            .Select(e => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(e)));
    }

    [GeneratedRegex(@"\bMAINTAINERS$")]
    private static partial Regex MaintainersName();

    private sealed class Run(Mailmap mailmap)
    {
        private readonly List<Pending> _people = [];
        private readonly List<Pending> _lists = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);
        private readonly HashSet<string> _listAddresses = new(StringComparer.Ordinal);
        private readonly List<string> _sections = [];

        public void AddSection(MaintainersSection section, string reason)
        {
            if (!_sections.Contains(section.Name))
                _sections.Add(section.Name);
            foreach (var entry in section.Entries)
            {
                switch (entry.Tag)
                {
                    case 'L':
                        AddList(section, entry, reason);
                        break;
                    case 'M' or 'R':
                        foreach (string address in Rfc822.SplitList(entry.Value))
                            AddPerson(address, new Recipient("", RecipientKind.Person, entry.Tag.ToString(), section.Name, entry.Line, reason));
                        break;
                }
            }
        }

        private void AddList(MaintainersSection section, MaintainersEntry entry, string reason)
        {
            string address = entry.Value, additional = "";
            var m = ListValue().Match(address);
            if (m.Success)
            {
                address = m.Groups[1].Value;
                additional = m.Groups[2].Value;
            }
            if (additional.Contains("subscribers-only", StringComparison.Ordinal))
                return;
            if (_listAddresses.Add(address.AsciiLower()))
                _lists.Add(new Pending(address, new Recipient("", RecipientKind.List, "L", section.Name, entry.Line, reason)));
        }

        private bool AddPerson(string line, Recipient why)
        {
            var (name, address) = EmailFormat.Parse(line);
            if (address.Length == 0)
                return false;
            if ((name.Length > 0 && _names.Contains(name.AsciiLower())) || _addresses.Contains(address.AsciiLower()))
                return true;
            _people.Add(new Pending(EmailFormat.Format(name, address), why));
            if (name.Length > 0)
                _names.Add(name.AsciiLower());
            _addresses.Add(address.AsciiLower());
            return true;
        }

        public PatchRoute Finish(string patchName, IReadOnlyList<string> files, List<(string Address, string File)> fileEmails)
        {
            var byName = new Dictionary<string, (string Name, string Address)>(StringComparer.Ordinal);
            var byAddress = new Dictionary<string, (string Name, string Address)>(StringComparer.Ordinal);
            foreach (var pending in _people.Concat(_lists))
                pending.Email = Deduplicate(pending.Email, byName, byAddress);
            var chief = new Regex(PenguinChief, RegexOptions.CultureInvariant);
            _people.RemoveAll(p => chief.IsMatch(p.Email));
            foreach (var (raw, file) in fileEmails)
            {
                var (name, address) = EmailFormat.Parse(mailmap.Map(raw));
                AddPerson(EmailFormat.Format(name, address), new Recipient("", RecipientKind.Person, "file", file, 0, $"address written in {file}"));
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var recipients = new List<Recipient>();
            foreach (var pending in _people.Concat(_lists))
            {
                if (seen.Add(pending.Email))
                    recipients.Add(pending.Why with { Address = pending.Email });
            }
            return new PatchRoute(patchName, files, recipients, _sections);
        }

        private string Deduplicate(string email, Dictionary<string, (string Name, string Address)> byName, Dictionary<string, (string Name, string Address)> byAddress)
        {
            var (name, address) = EmailFormat.Parse(email);
            email = mailmap.Map(EmailFormat.Format(name, address));
            (name, address) = EmailFormat.Parse(email);
            bool matched = false;
            if (name.Length > 0 && byName.TryGetValue(name.AsciiLower(), out var known))
            {
                // As in the script: the name's entry first, then the entry of that entry's name.
                name = known.Name;
                address = byName.TryGetValue(name.AsciiLower(), out var again) ? again.Address : known.Address;
                matched = true;
            }
            else if (byAddress.TryGetValue(address.AsciiLower(), out known))
            {
                name = known.Name;
                address = known.Address;
                matched = true;
            }
            if (!matched)
            {
                byName[name.AsciiLower()] = (name, address);
                byAddress[address.AsciiLower()] = (name, address);
            }
            return mailmap.Map(EmailFormat.Format(name, address));
        }
    }

    private sealed class Pending(string email, Recipient why)
    {
        public string Email { get; set; } = email;
        public Recipient Why { get; } = why;
    }

    [GeneratedRegex(@"([^\s]+)\s+(.*)$")]
    private static partial Regex ListValue();
}
