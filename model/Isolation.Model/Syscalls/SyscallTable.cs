using System.Collections.Frozen;

namespace Isolation.Model.Syscalls;

/// <summary>The system calls the model implements, by name; each family of calls registers itself here.</summary>
public sealed class SyscallTable
{
    private readonly Dictionary<string, SyscallHandler> _handlers = [];
    private FrozenDictionary<string, SyscallHandler>? _frozen;

    /// <summary>The table with every call the model implements.</summary>
    public static SyscallTable Default { get; } = CreateDefault();

    /// <summary>The names of the implemented calls, sorted.</summary>
    public IEnumerable<string> Names => _handlers.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds the model of <paramref name="name"/>.</summary>
    public void Register(string name, SyscallHandler handler)
    {
        if (!_handlers.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"system call {name} registered twice");
        }

        _frozen = null;
    }

    /// <summary>The model of <paramref name="name"/>, or null when the model does not implement it.</summary>
    public SyscallHandler? Find(string name) =>
        (_frozen ??= _handlers.ToFrozenDictionary()).GetValueOrDefault(name);

    private static SyscallTable CreateDefault()
    {
        var table = new SyscallTable();
        ProcessCalls.Register(table);
        CredCalls.Register(table);
        CapCalls.Register(table);
        PrctlCalls.Register(table);
        ResourceCalls.Register(table);
        FdCalls.Register(table);
        FileCalls.Register(table);
        SocketCalls.Register(table);
        PtraceCalls.Register(table);
        SignalCalls.Register(table);
        IpcCalls.Register(table);
        LandlockCalls.Register(table);
        return table;
    }
}
