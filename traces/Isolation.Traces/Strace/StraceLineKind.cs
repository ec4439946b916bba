namespace Isolation.Traces.Strace;

/// <summary>What a physical line of raw strace output is.</summary>
internal enum StraceLineKind
{
    /// <summary>An empty line.</summary>
    Blank,

    /// <summary>A <c>#</c> comment, or strace's own <c>strace: Process N attached</c> message kept as one.</summary>
    Comment,

    /// <summary><c>+++ exited with 0 +++</c>, <c>--- SIGCHLD {...} ---</c>.</summary>
    Note,

    /// <summary>A whole call: <c>socket(AF_UNIX, SOCK_STREAM, 0) = 3</c>.</summary>
    Call,

    /// <summary>The first half of a call: <c>wait4(-1,  &lt;unfinished ...&gt;</c>.</summary>
    Unfinished,

    /// <summary>The second half: <c>&lt;... wait4 resumed&gt;[{WIFEXITED(s) &amp;&amp; WEXITSTATUS(s) == 0}], 0, NULL) = 1235</c>.</summary>
    Resumed,
}
