namespace Ltt.Validation.Kernel;

/// <summary>One of our kprobes in the guest: its module, its event, and the error registering it gave (0 when it registered).</summary>
public sealed record GuestKprobe(string Module, string Event, int Error)
{
    public bool Registered => Error == 0;
}
