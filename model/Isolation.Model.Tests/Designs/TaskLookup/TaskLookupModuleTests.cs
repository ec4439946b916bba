using Isolation.Model.Designs.TaskLookup;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Designs.TaskLookup;

/// <summary>The task-lookup module's decisions: the lookup rule, inheritance and the exec transition.</summary>
public sealed class TaskLookupModuleTests
{
    private readonly TaskLookupModule _module = new();
    private readonly ProcHarness _h;

    public TaskLookupModuleTests() => _h = new ProcHarness(0, _module);

    [Fact]
    public void Unconfined_LooksUpEveryTask()
    {
        _h.Setup("p1 fork()");
        Enter("p2", "jail2");
        Assert.Equal(Errno.None, _h.Kernel.Security.TaskLookup(_h.P(1), _h.P(2)));
    }

    [Fact]
    public void Domain_LooksUpOnlyItsOwnDomain()
    {
        _h.Setup("p1 fork()");
        Enter("p2", "jail2");
        _h.Setup("p2 fork()");
        Assert.Equal(Errno.EACCES, _h.Kernel.Security.TaskLookup(_h.P(2), _h.P(1)));
        Assert.Equal(Errno.None, _h.Kernel.Security.TaskLookup(_h.P(2), _h.P(3)));
        Assert.Equal(Errno.None, _h.Kernel.Security.TaskLookup(_h.P(3), _h.P(2)));
    }

    [Fact]
    public void ExecDomain_IsEnteredByTheExecAndCleared()
    {
        Enter("p1", "jail2");
        Assert.Equal(new Domain("jail2", null), _module.DomainOf(_h.P(1)));
    }

    [Fact]
    public void TaskWithoutLabel_IsUnconfined() => Assert.Equal(Domain.Unconfined, _module.DomainOf(_h.P(1)));

    private void Enter(string process, string domain)
    {
        _h.Setup($"{process} openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)");
        var fd = _h.P(int.Parse(process[1..], System.Globalization.CultureInfo.InvariantCulture)).Files.Numbers.Max();
        _h.Setup($"{process} write({fd}, \"{domain}\", {domain.Length})", $"{process} close({fd})", $"{process} execve(\"/proc/self/exe\", [\"runner\"], NULL)");
    }
}
