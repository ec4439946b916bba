using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Lsm;

/// <summary>An exec in progress (struct linux_binprm): who execs what, and the credentials it will get.</summary>
public sealed class Binprm
{
    /// <summary>Starts an exec of <paramref name="path"/> by <paramref name="task"/>.</summary>
    public Binprm(Task task, string path, Cred newCred)
    {
        Task = task;
        Path = path;
        NewCred = newCred;
    }

    /// <summary>The task that execs.</summary>
    public Task Task { get; }

    /// <summary>The file executed.</summary>
    public string Path { get; }

    /// <summary>The credentials after the exec; hooks may change them before they are committed.</summary>
    public Cred NewCred { get; set; }

    /// <summary>Whether the exec changes privilege (AT_SECURE): set-id bits honoured or capabilities gained.</summary>
    public bool Secureexec { get; set; }
}
