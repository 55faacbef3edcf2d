namespace Ltt.Trace.Clocks;

/// <summary>Which clock a session stamps its events with.</summary>
public enum TraceClock
{
    /// <summary><see cref="LocalClock"/>: the raw TSC (or CLOCK_MONOTONIC), no shared state; the fast default.</summary>
    Local,

    /// <summary><see cref="GlobalClock"/> over the local clock: never returns less than any value
    /// already returned on any thread, so events ordered by happens-before are ordered in time
    /// across streams whatever the hardware; one shared compare-and-swap per event.</summary>
    Global,
}
