using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Reads an event record the prelude declared (struct __ltt_raw_&lt;pass&gt;_&lt;class&gt;) into the
/// kernel's field list: the trace_entry header as the common_ fields, then each TP_STRUCT__entry field
/// with the macro and type text the prelude annotated it with.
/// </summary>
internal sealed class EventLayoutReader
{
    private readonly TypeConverter _types;

    public EventLayoutReader(TypeConverter types) => _types = types;

    public (IReadOnlyList<EventField> Fields, string? Error) Read(Cursor record)
    {
        if (record.IsInvalidDeclaration)
            return ([], "the event record does not compile");
        var fields = new List<EventField>();
        IReadOnlyList<Cursor> children = record.Children;
        for (int i = 0; i < children.Count; i++)
        {
            Cursor c = children[i];
            if (c.Kind != CursorKind.FieldDecl)
                continue;
            string name = c.Spelling;
            ClangType type = c.Type;
            long offset = c.FieldOffsetBits;
            if (c.IsInvalidDeclaration || offset < 0)
                return ([], $"field '{name}' does not compile");
            if (name == "ent")
            {
                foreach (Cursor common in type.Canonical.Fields)
                {
                    ClangType ct = common.Type;
                    fields.Add(new EventField("common_" + common.Spelling, "common", ct.Spelling, _types.Shallow(ct),
                        (offset + common.FieldOffsetBits) / 8, ct.SizeOf, ct.IsSigned));
                }
                continue;
            }
            if (name == "__data")
                continue;
            var ann = Annotations.Of(c);
            string macro = ann.GetValueOrDefault("field", "__field");
            string typeText = ann.GetValueOrDefault("type", type.Spelling);
            if (ann.TryGetValue("item", out string? item))
            {
                // A __data_loc word: the element type is in the tagged struct declared right after it.
                ClangType? element = null;
                if (i + 1 < children.Count && children[i + 1].Kind == CursorKind.StructDecl &&
                    children[i + 1].Type.Canonical.Fields is { Count: 1 } holder)
                    element = holder[0].Type;
                if (element is null || element.Value.SizeOf < 0)
                    return ([], $"the element type '{typeText}' of '{item}' is not known");
                bool isRel = name.StartsWith("__rel_loc_", StringComparison.Ordinal);
                bool cpumask = macro.EndsWith("cpumask", StringComparison.Ordinal);
                string spelling = (isRel ? "__rel_loc " : "__data_loc ") + (cpumask ? "cpumask_t" : typeText + "[]");
                fields.Add(new EventField(item, macro, spelling, _types.Shallow(element.Value), offset / 8, type.SizeOf,
                    !cpumask && element.Value.IsSigned, null, IsDataLoc: true));
                continue;
            }
            long size = type.SizeOf;
            if (size < 0)
                return ([], $"field '{name}' has incomplete type '{typeText}'");
            if (macro == "__array")
            {
                long length = type.Canonical.ArraySize;
                ClangType element = type.Canonical.ArrayElement;
                fields.Add(new EventField(name, macro, $"{typeText}[{length}]", _types.Shallow(type), offset / 8, size,
                    element.IsSigned, length));
                continue;
            }
            bool isStruct = macro.StartsWith("__field_struct", StringComparison.Ordinal);
            fields.Add(new EventField(name, macro, typeText, _types.Shallow(type), offset / 8, size, !isStruct && type.IsSigned));
        }
        return (fields, null);
    }
}
