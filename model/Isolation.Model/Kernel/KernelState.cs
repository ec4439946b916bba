using Isolation.Model.Abi;
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

    /// <summary>Every task made in this run, alive or zombie, in creation order.</summary>
    public IReadOnlyList<Task> Tasks => _tasks;

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
        var task = new Task(_tasks.Count + 1, parent, cred, files, netNs, ipcNs);
        _tasks.Add(task);
        parent?.Children.Add(task);
        return task;
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
