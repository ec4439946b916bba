using System.Text;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.TaskLookup;

/// <summary>The /proc/&lt;pid&gt;/attr hooks: naming the domain of the next exec, and reading a task's domain.</summary>
public sealed partial class TaskLookupModule
{
    private void AddProcAttrHooks(HookTable hooks)
    {
        hooks.Setprocattr.Add(this, Setprocattr);
        hooks.Getprocattr.Add(this, Getprocattr);
    }

    /// <summary>
    /// selinux_setprocattr for <c>exec</c>, the only file this policy writes (others: EINVAL): a
    /// task in a domain lacks process:setexec (jail2_t's "~{ … setexec … }": EACCES); a final
    /// newline is dropped; an empty value clears the exec domain; a name that is not a domain
    /// (letters, digits, <c>_</c>, <c>.</c>, <c>-</c>) is EINVAL, as an invalid context is.
    /// </summary>
    private Errno Setprocattr(Task task, string name, ReadOnlyMemory<byte> value)
    {
        var domain = DomainOf(task);
        var text = Encoding.Latin1.GetString(value.Span);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        var valid = text.Length == 0 || text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
        var error = DomainRules.Setprocattr.Decide(DomainRules.Number(domain.Current)[0], Bits.Of(name == "exec"), Bits.Of(valid));
        if (error != Errno.None)
        {
            return error;
        }

        SetBlob(task.Security, domain with { Exec = text.Length == 0 ? null : text });
        return Errno.None;
    }

    /// <summary>
    /// selinux_getprocattr: a task in a domain may read only its own domain's tasks (process:getattr,
    /// EACCES); <c>current</c> is the domain and <c>exec</c> the exec domain (empty when none), each
    /// NUL-terminated as SELinux returns a context; other files are EINVAL.
    /// </summary>
    private Errno Getprocattr(Task task, Task target, string name, out byte[] value)
    {
        value = [];
        var own = DomainOf(task).Current;
        var domain = DomainOf(target);
        if (own is not null && own != domain.Current)
        {
            return Errno.EACCES;
        }

        string? text = name switch
        {
            "current" => domain.Current ?? Domain.UnconfinedName,
            "exec" => domain.Exec,
            _ => null,
        };
        if (text is null)
        {
            return name == "exec" ? Errno.None : Errno.EINVAL;
        }

        value = Encoding.Latin1.GetBytes(text + "\0");
        return Errno.None;
    }
}
