namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// A path walked up to its last component (struct nameidata after link_path_walk): the directory
/// it is in, with search permission checked on every directory on the way, and the last name.
/// </summary>
/// <param name="Dir">The directory holding the last component (mounts followed).</param>
/// <param name="Last">The last component's name; empty for <c>/</c>.</param>
/// <param name="Kind">Whether the last component is a name, <c>.</c>, <c>..</c> or the root.</param>
/// <param name="TrailingSlash">Whether the path ended in <c>/</c> (the last component must be a directory).</param>
public sealed record NameData(Inode Dir, string Last, LastKind Kind, bool TrailingSlash);
