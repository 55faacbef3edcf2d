namespace Ltt.Trace.Layout;

/// <summary>
/// Every event of a trace or of a generated probe set, for one target ABI: the model behind
/// <c>events.json</c>.
/// </summary>
/// <param name="Generator">What wrote the catalog (<c>ltt-gen 1.0</c>), or null.</param>
public sealed record EventCatalog(
    string Arch,
    int PointerSize,
    ByteOrder ByteOrder,
    IReadOnlyList<EventLayout> Events,
    string? Generator = null)
{
    public EventLayout? FindById(int id) => Events.FirstOrDefault(e => e.Id == id);
}
