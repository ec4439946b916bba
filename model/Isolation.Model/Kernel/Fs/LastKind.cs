namespace Isolation.Model.Kernel.Fs;

/// <summary>What the last component of a path is (namei's LAST_NORM, LAST_DOT, LAST_DOTDOT, LAST_ROOT).</summary>
public enum LastKind
{
    /// <summary>A name.</summary>
    Normal,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary><c>..</c></summary>
    DotDot,

    /// <summary>The path is <c>/</c> alone.</summary>
    Root,
}
