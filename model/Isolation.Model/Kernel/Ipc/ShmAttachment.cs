namespace Isolation.Model.Kernel.Ipc;

/// <summary>One attachment of a shared memory segment in an address space (a vma of the segment).</summary>
/// <param name="Address">Where it is attached.</param>
/// <param name="Length">The segment's size rounded up to pages.</param>
/// <param name="Segment">The segment.</param>
public sealed record ShmAttachment(ulong Address, ulong Length, ShmSegment Segment);
