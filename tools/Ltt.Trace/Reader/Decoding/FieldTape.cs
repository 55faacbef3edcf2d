namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// The decoded values of one scope, in decode order, reused from event to event. An integer or
/// float is its raw 64 bits; a string is its byte offset in the stream file and its length; an
/// array or sequence is its element count; a variant is its selected option.
/// </summary>
internal sealed class FieldTape
{
    public ulong[] Values = new ulong[64];
    public int[] Aux = new int[64];
    public int Count;

    public void Clear() => Count = 0;

    public void Add(ulong value, int aux)
    {
        int n = Count;
        if ((uint)n >= (uint)Values.Length)
            Grow();
        Values[n] = value;
        Aux[n] = aux;
        Count = n + 1;
    }

    /// <summary>Makes room for <paramref name="count"/> entries written directly into <see cref="Values"/> (and <see cref="Aux"/>) from index <paramref name="first"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong[] Reserve(int count, out int first)
    {
        first = Count;
        int end = first + count;
        if (end > Values.Length)
            Grow(end);
        Count = end;
        return Values;
    }

    private void Grow(int needed = 0)
    {
        int size = Math.Max(Values.Length * 2, needed);
        Array.Resize(ref Values, size);
        Array.Resize(ref Aux, size);
    }
}
