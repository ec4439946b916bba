namespace Isolation.Model.Abi;

/// <summary>setpriority(2) targets and sched_setscheduler(2) policies as Linux numbers them.</summary>
/// <remarks>include/uapi/linux/resource.h, include/uapi/linux/sched.h (6.12).</remarks>
public static class Scheduling
{
    /// <summary>PRIO_PROCESS</summary>
    public const int PrioProcess = 0;
    /// <summary>SCHED_NORMAL (SCHED_OTHER)</summary>
    public const int Normal = 0;
    /// <summary>SCHED_FIFO</summary>
    public const int Fifo = 1;
    /// <summary>SCHED_RR</summary>
    public const int RoundRobin = 2;
    /// <summary>SCHED_BATCH</summary>
    public const int Batch = 3;
    /// <summary>SCHED_IDLE</summary>
    public const int Idle = 5;
    /// <summary>SCHED_DEADLINE</summary>
    public const int Deadline = 6;
    /// <summary>SCHED_RESET_ON_FORK, or'ed into the policy.</summary>
    public const int ResetOnFork = 0x40000000;

    /// <summary>The PRIO_* names strace prints.</summary>
    public static readonly SymbolTable Which = new("priority target", ("PRIO_PROCESS", PrioProcess), ("PRIO_PGRP", 1), ("PRIO_USER", 2));

    /// <summary>The SCHED_* names strace prints.</summary>
    public static readonly SymbolTable Policies = new(
        "scheduling policy",
        ("SCHED_OTHER", Normal), ("SCHED_NORMAL", Normal), ("SCHED_FIFO", Fifo), ("SCHED_RR", RoundRobin),
        ("SCHED_BATCH", Batch), ("SCHED_ISO", 4), ("SCHED_IDLE", Idle), ("SCHED_DEADLINE", Deadline),
        ("SCHED_EXT", 7), ("SCHED_RESET_ON_FORK", ResetOnFork));
}
