using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>
/// A process (the model has single-threaded processes: a task is its own thread group). Named by
/// its logical name <c>p1</c>, <c>p2</c>, … in creation order, as the trace format names them.
/// </summary>
/// <remarks>include/linux/sched.h (6.12).</remarks>
public sealed class Task
{
    /// <summary>Creates a task; only <see cref="KernelState"/> makes tasks.</summary>
    internal Task(int number, Task? parent, Cred cred, FdTable files, NetNamespace netNs, IpcNamespace ipcNs)
    {
        Number = number;
        Parent = parent;
        Cred = cred;
        Files = files;
        NetNs = netNs;
        IpcNs = ipcNs;
        MmUserNs = cred.UserNs;
    }

    /// <summary>The logical number: 1 for p1.</summary>
    public int Number { get; }

    /// <summary>The logical name: <c>p1</c>.</summary>
    public string Name => "p" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The pid the model shows where a number is needed (procfs): 100 + the logical number.</summary>
    public int Pid => 100 + Number;

    /// <summary>The parent (real_parent); null for p1, whose parent is outside the scenario.</summary>
    public Task? Parent { get; set; }

    /// <summary>Children in creation order.</summary>
    public List<Task> Children { get; } = [];

    /// <summary>Running or zombie.</summary>
    public TaskState State { get; set; } = TaskState.Running;

    /// <summary>The exit status given to exit_group (its low byte), once a zombie; see <see cref="KilledBySignal"/>.</summary>
    public int ExitStatus { get; set; }

    /// <summary>The credentials; replaced as a whole on every change (commit_creds).</summary>
    public Cred Cred { get; set; }

    /// <summary>The file descriptor table (files_struct).</summary>
    public FdTable Files { get; set; }

    /// <summary>The network namespace.</summary>
    public NetNamespace NetNs { get; set; }

    /// <summary>The IPC namespace (SysV objects).</summary>
    public IpcNamespace IpcNs { get; set; }

    /// <summary>The user namespace the task's credentials belong to.</summary>
    public UserNamespace UserNs => Cred.UserNs;

    /// <summary>PR_GET_DUMPABLE: 1 (SUID_DUMP_USER) by default; cleared by a credential-changing exec.</summary>
    public int Dumpable { get; set; } = 1;

    /// <summary>no_new_privs: set once by prctl, never cleared, inherited across fork and exec.</summary>
    public bool NoNewPrivs { get; set; }

    /// <summary>The tracer while a ptrace attachment lasts.</summary>
    public Task? Tracer { get; set; }

    /// <summary>
    /// The credentials of whoever made the attachment (ptracer_cred): the tracer's for
    /// PTRACE_ATTACH/SEIZE, the tracee's own for PTRACE_TRACEME. Exec asks them whether the tracer
    /// may follow a privilege gain.
    /// </summary>
    public Cred? PtracerCred { get; set; }

    /// <summary>The PTRACE_O_* options of the attachment (set by PTRACE_SEIZE, inherited by auto-attached children).</summary>
    public long PtraceOptions { get; set; }

    /// <summary>The user namespace of the address space (mm->user_ns): the creator's at exec, kept across fork and unshare.</summary>
    public UserNamespace MmUserNs { get; set; }

    /// <summary>The signal sent to this task when its parent exits (PR_SET_PDEATHSIG); 0 for none.</summary>
    public int PdeathSignal { get; set; }

    /// <summary>Stopped by SIGSTOP, SIGTSTP, SIGTTIN or SIGTTOU until SIGCONT or SIGKILL.</summary>
    public bool Stopped { get; set; }

    /// <summary>Fatal signals sent while the task was stopped: the lowest kills it when SIGCONT wakes it.</summary>
    public SortedSet<int> PendingSignals { get; } = [];

    /// <summary>The signal that killed the task, once a zombie; 0 when it called exit_group.</summary>
    public int KilledBySignal { get; set; }

    /// <summary>The scheduling policy (SCHED_NORMAL, SCHED_FIFO, …; see <see cref="Abi.Scheduling"/>).</summary>
    public int SchedPolicy { get; set; }

    /// <summary>The real-time priority, 0 for the fair policies.</summary>
    public int RtPriority { get; set; }

    /// <summary>SCHED_RESET_ON_FORK: children start with the normal policy and a non-negative nice.</summary>
    public bool SchedResetOnFork { get; set; }

    /// <summary>Signals whose disposition is SIG_IGN.</summary>
    public HashSet<int> IgnoredSignals { get; } = [];

    /// <summary>Resource limits by RLIMIT_* number; absent means the default (RLIM_INFINITY for most).</summary>
    public Dictionary<int, (ulong Cur, ulong Max)> Rlimits { get; } = [];

    /// <summary>The file mode creation mask (fs_struct umask): 022 at start, inherited by fork, set by umask(2).</summary>
    public int Umask { get; set; } = 0x12;

    /// <summary>The address space (mm_struct): replaced by exec, a copy after fork; holds the attached SysV segments.</summary>
    public AddressSpace Mm { get; set; } = new();

    /// <summary>The nice value, -20 to 19.</summary>
    public int Nice { get; set; }

    /// <summary>The security blobs of the stacked modules (the task and cred blobs of Linux, together).</summary>
    public SecurityBlobs Security { get; } = new();

    /// <summary>Whether the task still runs.</summary>
    public bool IsAlive => State == TaskState.Running;

    /// <summary>Whether the task exited and waits to be reaped (it still has a pid, credentials and a /proc entry).</summary>
    public bool IsZombie => State == TaskState.Zombie;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
