using Isolation.Model.Abi;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Kernel;

/// <summary>
/// The whole kernel the model runs: tasks, namespaces, the file system, the security module
/// stack, and the system-call entry that runs one event.
/// </summary>
public sealed class KernelState
{
    private readonly List<Task> _tasks = [];
    private readonly List<Channel> _channels = [];
    private readonly SyscallTable _syscalls;
    private int _nextObjectId;

    private KernelState(SecurityHooks security, SyscallTable syscalls)
    {
        Security = security;
        _syscalls = syscalls;
        InitUserNs = new UserNamespace(NextObjectId(), null, 0, 0);
        InitNetNs = new NetNamespace(NextObjectId(), InitUserNs);
        InitIpcNs = new IpcNamespace(NextObjectId());
        Fs = new FileSystem();
        Cgroups.MountOn(Fs);
        foreach (var module in security.Modules)
        {
            module.Init(this);
        }
    }

    /// <summary>The security module stack and its <c>security_*</c> entry points.</summary>
    public SecurityHooks Security { get; }

    /// <summary>The initial user namespace.</summary>
    public UserNamespace InitUserNs { get; }

    /// <summary>The initial network namespace (the host's).</summary>
    public NetNamespace InitNetNs { get; }

    /// <summary>The initial IPC namespace.</summary>
    public IpcNamespace InitIpcNs { get; }

    /// <summary>The file system.</summary>
    public FileSystem Fs { get; }

    /// <summary>The cgroup v2 hierarchy on /sys/fs/cgroup, with the controllers the stacked designs bring.</summary>
    public CgroupHierarchy Cgroups { get; } = new();

    /// <summary>Every task made in this run, alive or zombie, in creation order.</summary>
    public IReadOnlyList<Task> Tasks => _tasks;

    /// <summary>
    /// The number of events run so far, counting the one running: what channels and queued data are
    /// stamped with, so that a property can ask what held when data was sent. Bookkeeping, not state:
    /// the checker leaves it out of a state's fingerprint.
    /// </summary>
    [field: NotState]
    public long Clock { get; private set; }

    /// <summary>Every channel used so far, in order: what the properties reason about.</summary>
    public IReadOnlyList<Channel> Channels => _channels;

    /// <summary>
    /// Starts a kernel and its first process p1 as the trace format prescribes: the setup's network
    /// namespace, root or the given user, descriptors 0–2 open, SIGUSR1/SIGUSR2/SIGPIPE ignored.
    /// </summary>
    public static KernelState Boot(BootOptions options, SyscallTable? syscalls = null)
    {
        var kernel = new KernelState(new SecurityHooks(options.Modules), syscalls ?? SyscallTable.Default);
        var netNs = NetSetups.Create(kernel, options.Setup);
        var cred = options.User == 0 ? Cred.Root(kernel.InitUserNs) : Cred.User(kernel.InitUserNs, options.User);
        var p1 = kernel.CreateTask(null, cred, new FdTable(), netNs, kernel.InitIpcNs);
        var stdio = new OpenFile(new StdioFile(), OpenFlags.ReadWrite);
        for (var fd = 0; fd < 3; fd++)
        {
            p1.Files.InstallAt(fd, stdio, closeOnExec: false);
        }

        p1.IgnoredSignals.UnionWith(Signals.IgnoredAtStart);
        return kernel;
    }

    /// <summary>A fresh number for a namespace or other kernel object.</summary>
    public int NextObjectId() => ++_nextObjectId;

    /// <summary>The task with logical name <paramref name="name"/>, alive or zombie, or null.</summary>
    public Task? FindTask(string name)
    {
        if (name.Length < 2 || name[0] != 'p' || !int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return n >= 1 && n <= _tasks.Count && _tasks[n - 1].Name == name ? _tasks[n - 1] : null;
    }

    /// <summary>Makes the next task (p1, p2, …) as a child of <paramref name="parent"/>.</summary>
    public Task CreateTask(Task? parent, Cred cred, FdTable files, NetNamespace netNs, IpcNamespace ipcNs)
    {
        var task = NewTask(parent, cred, files, netNs, ipcNs);
        AddTask(task);
        return task;
    }

    /// <summary>
    /// Makes the task that would be next (pN) without adding it to the task list: fork allocates
    /// the child before the security hooks may refuse it (copy_process), and a refused child never existed.
    /// </summary>
    public Task NewTask(Task? parent, Cred cred, FdTable files, NetNamespace netNs, IpcNamespace ipcNs) =>
        new(_tasks.Count + 1, parent, cred, files, netNs, ipcNs);

    /// <summary>Adds a task made by <see cref="NewTask"/> to the task list and to its parent's children.</summary>
    public void AddTask(Task task)
    {
        if (task.Number != _tasks.Count + 1)
        {
            throw new InvalidOperationException($"task {task.Name} is not the next task");
        }

        _tasks.Add(task);
        task.Parent?.Children.Add(task);
        Cgroups.Fork(task);
    }

    /// <summary>
    /// Records that <paramref name="from"/> got data to <paramref name="to"/> through a channel, sent
    /// at <paramref name="sentAt"/> (default: now); a task talking to itself is no channel and is not recorded.
    /// </summary>
    public void RecordChannel(ChannelKind kind, Task from, Task to, string via, long? sentAt = null)
    {
        if (from != to)
        {
            _channels.Add(new Channel(kind, from, to, via, sentAt ?? Clock));
        }
    }

    /// <summary>Drops one reference to an open file; the last one releases what it refers to (fput).</summary>
    public void PutFile(OpenFile file)
    {
        if (--file.References == 0)
        {
            file.Object.Release(this, file);
        }
    }

    /// <summary>
    /// Runs one event for <paramref name="caller"/>. A call the model does not implement, or an
    /// argument it cannot read, is a <see cref="TraceException"/> naming the place in the file.
    /// </summary>
    public SyscallOutcome Execute(Task caller, EventLine call)
    {
        var handler = _syscalls.Find(call.Call)
            ?? throw new TraceException(call.CallSpan, $"unknown call '{call.Call}': the model does not implement it");
        Clock++;
        try
        {
            return handler(new SyscallContext(this, caller, call));
        }
        catch (KernelError e)
        {
            return SyscallOutcome.Fail(e.Errno);
        }
    }
}
