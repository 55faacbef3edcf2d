using System.Text.RegularExpressions;
using Ltt.Trace.Layout;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Makes the value of an entry field TP_fast_assign computes with more than a value path: the
/// probe declares a local of the entry's type and runs the statement as written on it
/// (<c>__entry-&gt;f = (EXPR)</c> becomes <c>ltt_f = EXPR;</c>), so the value is converted
/// exactly as TP_fast_assign converts it. Arrays filled by a call, dynamic arrays and bitmasks
/// become fixed arrays and sequences of the marker format.
/// </summary>
internal sealed class CodeValueBuilder(TargetAbi abi, bool packed, ValueResolver resolver)
{
    /// <summary>The C name of the cap on a sequence's element bytes (ltt/ltt-type-serializer.h, ltt-tp.h).</summary>
    public const string SequenceMax = "LTT_SERIALIZE_SEQUENCE_MAX";

    /// <summary>Whether calls and names the trace header does not declare are let through (the spec adds the module's headers).</summary>
    public bool TrustCalls { get; init; }

    public bool TryMake(
        TracepointSite site,
        EventField field,
        FieldSource source,
        Dictionary<string, (string Macro, IReadOnlyList<CFragment> Args)> entryMacros,
        out ProbeValue value,
        out Unrecordable why)
    {
        value = null!;
        string local = LocalName(site, field.Name);
        entryMacros.TryGetValue(field.Name, out var macro);
        CFragment? expression = source.Expression;
        if (expression is null && source.Kind == FieldSourceKind.String && macro.Args is { Count: >= 2 })
            expression = macro.Args[1];
        if (expression is null)
        {
            why = new Unrecordable(UnrecordedCause.AssignHelper, "__assign_str without a source", "__assign_str names no source and TP_STRUCT__entry's __string gives none");
            return false;
        }

        var prologue = source.Prologue.SelectMany(p => p.Value.Tokens).ToList();
        if (source.Prologue.FirstOrDefault(p => p.Name is "data" or "__data" or "marker" or "len" || p.Name.StartsWith("ltt_", StringComparison.Ordinal)) is { } taken)
        {
            why = new Unrecordable(UnrecordedCause.FastAssignLocal, taken.Name,
                $"it uses '{taken.Name}', a variable TP_fast_assign sets at line {taken.Location.Line}, whose name the probe uses itself");
            return false;
        }
        if (Unreachable(site, [.. (source.Expression ?? expression).Tokens, .. prologue]) is { } missing)
        {
            why = missing;
            return false;
        }
        // What the code reads: the expression, the entry's count, the copy's count, the variables' values.
        List<CToken> read = [.. expression.Tokens, .. macro.Args is { Count: > 2 } a ? a[2].Tokens : [], .. source.Count?.Tokens ?? [], .. prologue];
        var used = read.Where(t => t.IsWord).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        if (site.HeaderUndefs.FirstOrDefault(used.Contains) is { } undef)
        {
            why = new Unrecordable(UnrecordedCause.UnseenName, undef, $"TP_fast_assign uses {undef}, a macro its header #undefs, which the probe cannot see");
            return false;
        }
        if (!TrustCalls && site.UndeclaredCalls.FirstOrDefault(used.Contains) is { } call)
        {
            why = new Unrecordable(UnrecordedCause.UnseenName, call + "()", $"TP_fast_assign calls {call}(), which {site.Location.File} does not declare on its own " +
                $"(the .c file that creates the events does): name the header in ltt/probes.spec (include <channel> <header.h>)");
            return false;
        }
        if (!TrustCalls && Unseen(site, read) is { } unseen)
        {
            why = unseen;
            return false;
        }
        string error;
        switch (source.Kind)
        {
            case FieldSourceKind.Value when field.Type.Kind is CTypeKind.Struct or CTypeKind.Union:
                why = new Unrecordable(UnrecordedCause.WholeStruct, field.Type.Spelling,
                    $"a {field.Macro} field has no marker format syntax: TP_fast_assign copies a whole {field.Type.Spelling} ({expression.Text})");
                return false;
            case FieldSourceKind.Branches when field.ArrayLength is null && !field.IsDataLoc && field.Type.Kind is not (CTypeKind.Struct or CTypeKind.Union):
            {
                // Every field the statement sets gets its local (zeroed: an arm may leave it unset), the statement runs once.
                var group = source.Group.Select(g => site.Fields.First(f => f.Name == g)).ToList();
                var locals = group.Select(g => RenderDeclaration(g.TypeSpelling, g.Type, LocalName(site, g.Name))).ToList();
                var statements = group.Select(g => $"memset(&{LocalName(site, g.Name)}, 0, sizeof({LocalName(site, g.Name)}));").ToList();
                string statement = expression.Text;
                foreach (var g in group)
                    statement = Regex.Replace(statement, @"__entry\s*->\s*" + Regex.Escape(g.Name) + @"\b", LocalName(site, g.Name));
                statements.Add(statement);
                var code = Code(site, source, locals, statements, local, null, WithoutEntryFields(expression.Tokens));
                return Typed(resolver.TryMakeValue(field.Name, null, [], field.Type, field, null, out value, out error, code), field, error, out why);
            }
            case FieldSourceKind.Value when field.ArrayLength is null && !field.IsDataLoc:
            {
                var code = Code(site, source, [RenderDeclaration(field.TypeSpelling, field.Type, local)], [$"{local} = {expression.Text};"], local, null, expression.Tokens);
                return Typed(resolver.TryMakeValue(field.Name, null, [], field.Type, field, null, out value, out error, code), field, error, out why);
            }
            case FieldSourceKind.String when field.Macro is "__string" || IsCharArray(field):
            {
                var code = Code(site, source, [$"const char *{local}"], [$"{local} = (const char *)({expression.Text});"], local, null, expression.Tokens);
                return Typed(resolver.TryMakeValue(field.Name, null, [], StringPointer(), field, null, out value, out error, code), field, error, out why);
            }
            case FieldSourceKind.Fill when IsCharArray(field):
            {
                var code = Code(site, source, [RenderDeclaration(field.TypeSpelling, field.Type, local)],
                    ZeroThen(local, Replace(expression.Text, field.Name, local)), local, null, expression.Tokens);
                return Typed(resolver.TryMakeValue(field.Name, null, [], field.Type, field, null, out value, out error, code), field, error, out why);
            }
            case FieldSourceKind.Fill when field.ArrayLength is { } length && field.Type.Element is { } element:
            {
                var code = Code(site, source, [RenderDeclaration(field.TypeSpelling, field.Type, local)],
                    ZeroThen(local, Replace(expression.Text, field.Name, local)), local, null, expression.Tokens);
                return Typed(TryArray(field, element, (int)length, code, out value, out error), field, error, out why);
            }
            case FieldSourceKind.DynamicArray when field.Macro == "__dynamic_array" && macro.Args is { Count: 3 }:
                return Typed(TrySequence(site, field, source, field.Type, macro.Args[2].Text, macro.Args[2].Tokens, expression, local, out value, out error), field, error, out why);
            case FieldSourceKind.Bitmask when field.Macro == "__bitmask" && macro.Args is { Count: 2 }:
                return Typed(TrySequence(site, field, source, field.Type, $"BITS_TO_LONGS({macro.Args[1].Text})", macro.Args[1].Tokens, expression, local, out value, out error), field, error, out why);
            default:
                why = new Unrecordable(UnrecordedCause.Type, field.TypeSpelling,
                    $"TP_fast_assign sets this {field.Macro} field with a {source.Kind.ToString().ToLowerInvariant()} statement, which does not fit its type {field.TypeSpelling}");
                return false;
        }
    }

    /// <summary>A value the resolver refused: its type has no marker format representation.</summary>
    private static bool Typed(bool made, EventField field, string error, out Unrecordable why)
    {
        why = made ? null! : new Unrecordable(UnrecordedCause.Type, field.TypeSpelling, error);
        return made;
    }

    private bool TryArray(EventField field, CType element, int length, ValueCode code, out ProbeValue value, out string why)
    {
        value = null!;
        if (!CTypes.IsIntegerLike(element) || element.Size is not (1 or 2 or 4 or 8))
        {
            why = $"an array of {element.Spelling} has no marker format syntax (only integer elements)";
            return false;
        }
        if (length is < 1 or > MarkerArray.MaxLength)
        {
            why = $"an array of {length} elements does not fit a marker format (1 to {MarkerArray.MaxLength})";
            return false;
        }
        var marker = ElementMarker(field.Name, element, new MarkerArray(length));
        var elementLayout = ElementLayout(field.Name, element, marker);
        var layout = new FieldLayout(field.Name, FieldKind.Array, elementLayout.Size, elementLayout.Alignment, elementLayout.Signed,
            elementLayout.ByteOrder, Length: length, Element: elementLayout, CType: element.Spelling);
        value = new ProbeValue(field.Name, null, [], element, field.Type, ProbeValueKind.Array, marker, layout, 0) { Code = code };
        why = "";
        return true;
    }

    private bool TrySequence(TracepointSite site, EventField field, FieldSource source, CType element, string countExpression, IReadOnlyList<CToken> countReads,
        CFragment data, string local, out ProbeValue value, out string why)
    {
        value = null!;
        if (!CTypes.IsIntegerLike(element) || element.Size is not (1 or 2 or 4 or 8))
        {
            why = $"a sequence of {element.Spelling} has no marker format syntax (only integer elements)";
            return false;
        }
        string count = local + "_len";
        string elementType = RenderingName(element);
        string cap = $"{SequenceMax} / sizeof({elementType})";
        var code = Code(site, source, [$"u32 {count}"],
            [$"{count} = {countExpression};", $"if ({count} > {cap})\n\t{count} = {cap};"], data.Text, count, [.. data.Tokens, .. countReads]);
        var marker = ElementMarker(field.Name, element, new MarkerArray(null));
        var elementLayout = ElementLayout(field.Name, element, marker);
        string lengthName = "_" + field.Name + "_length";
        var countLayout = FieldLayout.Integer(lengthName, MarkerArray.CountSize, false, packed ? 1 : MarkerArray.CountSize,
            abi.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian) with { CType = "u32" };
        var layout = new FieldLayout(field.Name, FieldKind.Sequence, elementLayout.Size, elementLayout.Alignment, elementLayout.Signed,
            elementLayout.ByteOrder, LengthField: lengthName, Element: elementLayout, CType: element.Spelling);
        value = new ProbeValue(field.Name, null, [], element, element, ProbeValueKind.Sequence, marker, layout, 0) { Code = code, CountLayout = countLayout };
        why = "";
        return true;
    }

    /// <summary>
    /// Why the code cannot compile in a probe: it follows an argument (or a member of its struct)
    /// into a struct the header does not define where the tracepoint is declared. Null when
    /// every struct it reaches through is known (deeper steps cannot be checked here; gcc does).
    /// </summary>
    private static Unrecordable? Unreachable(TracepointSite site, List<CToken> tokens)
    {
        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            if (i > 0 && (tokens[i - 1].Is("->") || tokens[i - 1].Is(".")))
                continue;
            var arg = site.Args.FirstOrDefault(a => a.Name == tokens[i].Text);
            if (arg is null || !tokens[i + 1].Is("->") || !tokens[i + 2].IsWord)
                continue;
            if (arg.Type.Element is not { } pointee || pointee.Kind is not (CTypeKind.Struct or CTypeKind.Union))
                continue;
            if (pointee.Size == 0 || pointee.Members.Count == 0)
                return new Unrecordable(UnrecordedCause.StructNotDefined, pointee.Spelling,
                    $"{pointee.Spelling} is not defined where {site.Name} is declared: TP_fast_assign reads {arg.Name}->{tokens[i + 2].Text}");
            var member = pointee.Members.FirstOrDefault(m => m.Name == tokens[i + 2].Text);
            if (member is null)
                return new Unrecordable(UnrecordedCause.StructNotDefined, pointee.Spelling, $"{pointee.Spelling} has no member '{tokens[i + 2].Text}'");
            if (i + 4 < tokens.Count && tokens[i + 3].Is("->") && member.Type.Element is { Kind: CTypeKind.Struct or CTypeKind.Union, Size: 0 } next)
                return new Unrecordable(UnrecordedCause.StructNotDefined, next.Spelling,
                    $"{next.Spelling} is not defined where {site.Name} is declared: TP_fast_assign reads {arg.Name}->{member.Name}->{tokens[i + 4].Text}");
        }
        return null;
    }

    /// <summary>
    /// Why the code cannot compile in a probe that includes the trace header alone: it uses a
    /// name (not a member) the header does not declare, or a macro whose expansion reaches one.
    /// </summary>
    private static Unrecordable? Unseen(TracepointSite site, List<CToken> tokens)
    {
        if (site.UnseenNames.Count == 0)
            return null;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || i > 0 && (tokens[i - 1].Is("->") || tokens[i - 1].Is(".")))
                continue;
            if (!site.UnseenNames.TryGetValue(tokens[i].Text, out string? missing))
                continue;
            string what = missing == tokens[i].Text ? tokens[i].Text : $"{tokens[i].Text}, whose expansion reaches {missing},";
            return new Unrecordable(UnrecordedCause.UnseenName, tokens[i].Text, $"TP_fast_assign uses {what} which {site.Location.File} does not declare on its own " +
                $"(the .c file that creates the events does): name the header in ltt/probes.spec (include <channel> <header.h>)");
        }
        return null;
    }

    private MarkerField ElementMarker(string name, CType element, MarkerArray array)
    {
        string conversion = CTypes.Conversion(element, ProbeValueKind.Integer, abi) ?? "d";
        return new MarkerField(name, new TraceType((int)element.Size, element.IsSigned, false), conversion, array);
    }

    /// <summary>One element; bytes show in hex, as LTTng's ctf_*_array_hex do (a <c>char</c> array of binary data is no text).</summary>
    private FieldLayout ElementLayout(string name, CType element, MarkerField marker) =>
        FieldLayout.Integer(name, marker.RecordedSize(abi), marker.RecordedSigned, marker.RecordedAlignment(abi, packed),
            abi.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian) with { CType = element.Spelling, Base = element.Size == 1 ? 16 : 10 };

    /// <remarks>The TP_fast_assign variables the value reads are declared first and set before the value's own statements.</remarks>
    /// <param name="reads">The scanner's tokens of the C the statements run (without the probe's own locals and helpers).</param>
    private static ValueCode Code(TracepointSite site, FieldSource source, IReadOnlyList<string> locals, IReadOnlyList<string> statements, string value, string? count,
        IReadOnlyList<CToken> reads)
    {
        if (source.Prologue.Count > 0)
        {
            locals = [.. source.Prologue.Select(p => p.Declaration), .. locals];
            statements = [.. source.Prologue.Select(p => p.Assignment), .. statements];
            reads = [.. source.Prologue.SelectMany(p => p.Value.Tokens), .. reads];
        }
        var names = reads.Where(t => t.IsWord).Select(t => t.Text).Concat(source.Prologue.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        var args = site.Args.Where(a => names.Contains(a.Name)).Select(a => a.Name).ToList();
        return new ValueCode(source, locals, statements, value, count, args, reads);
    }

    /// <summary>The tokens without their <c>__entry-&gt;f</c>: the statement the probe runs sets its locals instead.</summary>
    private static List<CToken> WithoutEntryFields(IReadOnlyList<CToken> tokens)
    {
        var result = new List<CToken>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Is("__entry") && i + 2 < tokens.Count && tokens[i + 1].Is("->") && tokens[i + 2].IsWord)
                i += 2;
            else
                result.Add(tokens[i]);
        }
        return result;
    }

    /// <summary>
    /// <c>ltt_&lt;field&gt;</c>, or <c>ltt_e_&lt;field&gt;</c> when that name is taken: by an argument, by
    /// a name of the probe body (<c>ltt_payload</c>, <c>ltt_len</c>, <c>ltt_tp_record()</c>,
    /// <c>ltt_serialize_*()</c>), or by the count of the sequence field whose name this one
    /// extends (<c>pmk_r0_name_len</c> beside the sequence <c>pmk_r0_name</c>, counted in
    /// <c>ltt_pmk_r0_name_len</c>, as in cfg80211's rdev_set_pmk).
    /// </summary>
    private static string LocalName(TracepointSite site, string field) =>
        site.Args.Any(a => a.Name == "ltt_" + field || a.Name == "ltt_" + field + "_len")
        || field is "payload" or "len" || field.StartsWith("tp_", StringComparison.Ordinal) || field.StartsWith("serialize_", StringComparison.Ordinal)
        || field.EndsWith("_len", StringComparison.Ordinal) && site.Fields.Any(f => f.Name == field[..^4])
            ? "ltt_e_" + field : "ltt_" + field;

    /// <summary>
    /// The local array zeroed, then the statement that fills it: what the statement leaves
    /// unset is then the same in the probe and in the harness. A statement that is the zeroing
    /// itself is not written twice.
    /// </summary>
    private static List<string> ZeroThen(string local, string statement)
    {
        string zero = $"memset({local}, 0, sizeof({local}));";
        return statement == zero ? [zero] : [zero, statement];
    }

    /// <summary>The statement with <c>__entry-&gt;field</c> turned into the local.</summary>
    private static string Replace(string statement, string field, string local) =>
        Regex.Replace(statement, @"__entry\s*->\s*" + Regex.Escape(field) + @"\b", local) + ";";

    private static bool IsCharArray(EventField f) => f.ArrayLength is not null && f.Type.Element is { } e && CTypes.IsPlainChar(e);

    private CType StringPointer() =>
        new("const char *", "const char *", CTypeKind.Pointer, abi.PointerSize, abi.PointerSize, false,
            Element: new CType("const char", "const char", CTypeKind.Integer, 1, 1, true));

    /// <summary>A declaration of <paramref name="local"/> with the entry's type as TP_STRUCT__entry wrote it.</summary>
    private static string RenderDeclaration(string spelling, CType type, string local) =>
        Rendering.RenderModelBuilder.Declaration(type.Spelling.Contains("(unnamed", StringComparison.Ordinal) || type.Spelling.Contains("(anonymous", StringComparison.Ordinal)
            ? Rendering.RenderModelBuilder.CastName(type) : spelling, local);

    private static string RenderingName(CType type) => Rendering.RenderModelBuilder.CastName(type);
}
