using Isolation.Model.Lsm;

namespace Isolation.Model.Tests.Tasks;

/// <summary>A security module whose hooks a test fills in: to refuse, or to record the order of calls.</summary>
internal sealed class TestModule : SecurityModule
{
    private readonly Action<HookTable, TestModule> _register;

    /// <summary>Creates the module; <paramref name="register"/> adds its hooks.</summary>
    public TestModule(Action<HookTable, TestModule> register) => _register = register;

    /// <summary>The hook names called, in order, for tests that record.</summary>
    public List<string> Calls { get; } = [];

    /// <inheritdoc/>
    public override string Name => "test";

    /// <inheritdoc/>
    public override void Register(HookTable hooks) => _register(hooks, this);
}
