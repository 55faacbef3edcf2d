using Ltt.Clang;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// The names a probe module that includes a trace header alone can use: the functions, variables,
/// enum constants, typedefs and macros of the header's translation unit that do not come from the
/// instantiating .c file, and those of the prelude. A macro is usable only if every free name of
/// its body is, recursively: <c>page_to_pfn</c> is declared by the headers a 6.1 probe sees, but
/// its expansion reaches <c>vmemmap</c>, which only the .c file's includes define.
/// </summary>
internal sealed class VisibleNames(VisibleNames? shared = null)
{
    private readonly VisibleNames? _shared = shared;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<(IReadOnlyList<string>? Parameters, List<CNames.Tok> Body)?>> _macros = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<string>? Parameters, List<CNames.Tok> Body)> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _missing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<int>> _wordArguments = new(StringComparer.Ordinal);

    /// <summary>Adds the declarations of a unit's top level (enum constants and enums inside records included), macros with their definition.</summary>
    public void AddUnit(TranslationUnit unit, string? excludedFile)
    {
        foreach (Cursor c in unit.Cursor.Children)
        {
            if (excludedFile is not null && c.Location.File == excludedFile)
                continue;
            switch (c.Kind)
            {
                case CursorKind.FunctionDecl or CursorKind.VarDecl or CursorKind.TypedefDecl:
                    _names.Add(c.Spelling);
                    break;
                case CursorKind.EnumDecl or CursorKind.StructDecl or CursorKind.UnionDecl:
                    AddEnumConstants(c);
                    break;
                case CursorKind.MacroDefinition:
                    Cursor macro = c;
                    string name = c.Spelling;
                    _macros[name] = () =>
                    {
                        var tokens = macro.Tokens.Where(t => t.Kind != TokenKind.Comment).ToList();
                        if (tokens.Count == 0)
                            return null; // a file the unit read through the PCH: the prelude's set has the definition
                        return CNames.Macro(ModelTokens.From(tokens), macro.IsMacroFunctionLike);
                    };
                    _parsed.Remove(name);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads every macro definition now, while the unit is alive: a set shared by the header parses
    /// of a scan (the prelude's) is read by several threads and never changes afterwards.
    /// </summary>
    public void Freeze()
    {
        foreach (string name in _macros.Keys)
            Definition(name);
        _macros.Clear();
    }

    private bool IsDeclared(string name) => _names.Contains(name) || _shared is not null && _shared.IsDeclared(name);

    private bool IsMacro(string name) => _macros.ContainsKey(name) || _parsed.ContainsKey(name) || _shared is not null && _shared.IsMacro(name);

    /// <summary>Null when <paramref name="name"/> is usable; otherwise the undeclared name it is or its expansion reaches.</summary>
    public string? Missing(string name)
    {
        if (_missing.TryGetValue(name, out string? known))
            return known;
        if (IsDeclared(name) || CNames.IsBuiltin(name))
            return _missing[name] = null;
        if (!IsMacro(name))
            return _missing[name] = name;
        _missing[name] = null; // a macro's own name in its body is not expanded again
        var (parameters, body) = Definition(name);
        var bound = new HashSet<string>(parameters ?? [], StringComparer.Ordinal);
        string? missing = null;
        foreach (string free in CNames.Free(body, bound, WordArguments))
        {
            if (Missing(free) is { } m)
            {
                missing = m;
                break;
            }
        }
        return _missing[name] = missing;
    }

    private (IReadOnlyList<string>? Parameters, List<CNames.Tok> Body) Definition(string name)
    {
        if (_parsed.TryGetValue(name, out var definition))
            return definition;
        if (_macros.TryGetValue(name, out var read) && read() is { } own)
            return _parsed[name] = own;
        return _parsed[name] = _shared is not null && _shared._parsed.TryGetValue(name, out var shared) ? shared : ([], []);
    }

    /// <summary>
    /// Which arguments of a function-like macro are words rather than names: those whose parameter
    /// the body never uses as a name, only as a member (after '.' or '-&gt;'), a tag, pasted,
    /// stringified, passed on to such a position (container_of's member to offsetof,
    /// compiletime_assert's prefix to a '##'), or not at all.
    /// </summary>
    public IReadOnlySet<int>? WordArguments(string name)
    {
        if (_wordArguments.TryGetValue(name, out var known))
            return known;
        if (!IsMacro(name))
            return null;
        var result = new HashSet<int>();
        _wordArguments[name] = result; // a macro's own name in its body is not expanded again
        var (parameters, body) = Definition(name);
        if (parameters is null)
            return result;
        var used = CNames.Free(body, new HashSet<string>(StringComparer.Ordinal), WordArguments).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (!used.Contains(parameters[i]) && parameters[i] != "__VA_ARGS__")
                result.Add(i);
        }
        return result;
    }

    private void AddEnumConstants(Cursor c)
    {
        foreach (Cursor child in c.Children)
        {
            if (child.Kind == CursorKind.EnumConstantDecl)
                _names.Add(child.Spelling);
            else if (child.Kind is CursorKind.EnumDecl or CursorKind.StructDecl or CursorKind.UnionDecl)
                AddEnumConstants(child);
        }
    }
}
