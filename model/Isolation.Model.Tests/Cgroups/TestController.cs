using System.Text;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Model.Lsm;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Tests.Cgroups;

/// <summary>A cgroup controller <c>test</c> for tests: it can refuse css_alloc and can_attach, and has a file <c>test.value</c>.</summary>
internal sealed class TestController : CgroupSubsystem
{
    /// <summary>What css_alloc answers for a non-root cgroup.</summary>
    public Errno AllocError { get; set; }

    /// <summary>What can_attach answers.</summary>
    public Errno AttachError { get; set; }

    /// <summary>How many times can_attach ran.</summary>
    public int Attaches { get; private set; }

    /// <summary>How many states were freed.</summary>
    public int Frees { get; private set; }

    /// <inheritdoc/>
    public override string Name => "test";

    /// <inheritdoc/>
    public override IReadOnlyList<CgroupFileType> Files { get; } =
        [new CgroupFileType("value", (_, css) => Encoding.ASCII.GetBytes(((State)css).Value), (_, _, css, buffer) => ((State)css).Set(buffer))];

    /// <inheritdoc/>
    public override Errno CssAlloc(KernelState kernel, Task? current, CgroupSubsysState? parent, out CgroupSubsysState? css)
    {
        css = parent is null || AllocError == Errno.None ? new State() : null;
        return parent is null ? Errno.None : AllocError;
    }

    /// <inheritdoc/>
    public override void CssFree(CgroupSubsysState css) => Frees++;

    /// <inheritdoc/>
    public override Errno CanAttach(KernelState kernel, Task current, Task task, Cgroup destination)
    {
        Attaches++;
        return AttachError;
    }

    /// <summary>A module that brings the controller.</summary>
    public sealed class Module(TestController controller) : SecurityModule
    {
        /// <inheritdoc/>
        public override string Name => "test-controller";

        /// <inheritdoc/>
        public override void Register(HookTable hooks)
        {
        }

        /// <inheritdoc/>
        public override void Init(KernelState kernel) => kernel.Cgroups.AddSubsystem(kernel, controller);
    }

    private sealed class State : CgroupSubsysState
    {
        public string Value { get; private set; } = string.Empty;

        public Errno Set(ReadOnlySpan<byte> buffer)
        {
            Value = Encoding.ASCII.GetString(buffer);
            return Value.StartsWith('!') ? Errno.EINVAL : Errno.None;
        }
    }
}
