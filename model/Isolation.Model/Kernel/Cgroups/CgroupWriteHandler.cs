using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// A cftype write handler: <paramref name="buffer"/> is what the caller wrote (1 to PAGE_SIZE
/// bytes, as kernfs hands it over). Returns the errno, or <see cref="Errno.None"/> for success
/// (the write then returns the byte count).
/// </summary>
public delegate Errno CgroupWriteHandler(KernelState kernel, Task current, CgroupSubsysState css, ReadOnlySpan<byte> buffer);
