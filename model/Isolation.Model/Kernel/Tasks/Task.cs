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

    /// <summary>The exit status, once a zombie.</summary>
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

    /// <summary>Signals whose disposition is SIG_IGN.</summary>
    public HashSet<int> IgnoredSignals { get; } = [];

    /// <summary>Resource limits by RLIMIT_* number; absent means the default (RLIM_INFINITY for most).</summary>
    public Dictionary<int, (ulong Cur, ulong Max)> Rlimits { get; } = [];

    /// <summary>The nice value, -20 to 19.</summary>
    public int Nice { get; set; }

    /// <summary>The security blobs of the stacked modules (the task and cred blobs of Linux, together).</summary>
    public SecurityBlobs Security { get; } = new();

    /// <summary>Whether the task still runs.</summary>
    public bool IsAlive => State == TaskState.Running;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
