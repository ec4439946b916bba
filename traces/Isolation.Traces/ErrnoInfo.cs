using System.Collections.Frozen;

namespace Isolation.Traces;

/// <summary>Names and texts of <see cref="Errno"/> values, as strace prints them.</summary>
public static class ErrnoInfo
{
    private static readonly FrozenDictionary<Errno, string> Texts = new Dictionary<Errno, string>
    {
        [Errno.EPERM] = "Operation not permitted",
        [Errno.ENOENT] = "No such file or directory",
        [Errno.ESRCH] = "No such process",
        [Errno.EINTR] = "Interrupted system call",
        [Errno.EIO] = "Input/output error",
        [Errno.ENXIO] = "No such device or address",
        [Errno.E2BIG] = "Argument list too long",
        [Errno.ENOEXEC] = "Exec format error",
        [Errno.EBADF] = "Bad file descriptor",
        [Errno.ECHILD] = "No child processes",
        [Errno.EAGAIN] = "Resource temporarily unavailable",
        [Errno.ENOMEM] = "Cannot allocate memory",
        [Errno.EACCES] = "Permission denied",
        [Errno.EFAULT] = "Bad address",
        [Errno.ENOTBLK] = "Block device required",
        [Errno.EBUSY] = "Device or resource busy",
        [Errno.EEXIST] = "File exists",
        [Errno.EXDEV] = "Invalid cross-device link",
        [Errno.ENODEV] = "No such device",
        [Errno.ENOTDIR] = "Not a directory",
        [Errno.EISDIR] = "Is a directory",
        [Errno.EINVAL] = "Invalid argument",
        [Errno.ENFILE] = "Too many open files in system",
        [Errno.EMFILE] = "Too many open files",
        [Errno.ENOTTY] = "Inappropriate ioctl for device",
        [Errno.ETXTBSY] = "Text file busy",
        [Errno.EFBIG] = "File too large",
        [Errno.ENOSPC] = "No space left on device",
        [Errno.ESPIPE] = "Illegal seek",
        [Errno.EROFS] = "Read-only file system",
        [Errno.EMLINK] = "Too many links",
        [Errno.EPIPE] = "Broken pipe",
        [Errno.EDOM] = "Numerical argument out of domain",
        [Errno.ERANGE] = "Numerical result out of range",
        [Errno.EDEADLK] = "Resource deadlock avoided",
        [Errno.ENAMETOOLONG] = "File name too long",
        [Errno.ENOLCK] = "No locks available",
        [Errno.ENOSYS] = "Function not implemented",
        [Errno.ENOTEMPTY] = "Directory not empty",
        [Errno.ELOOP] = "Too many levels of symbolic links",
        [Errno.ENOMSG] = "No message of desired type",
        [Errno.EIDRM] = "Identifier removed",
        [Errno.ENOSTR] = "Device not a stream",
        [Errno.ENODATA] = "No data available",
        [Errno.ETIME] = "Timer expired",
        [Errno.ENOSR] = "Out of streams resources",
        [Errno.ENOLINK] = "Link has been severed",
        [Errno.EPROTO] = "Protocol error",
        [Errno.EBADMSG] = "Bad message",
        [Errno.EOVERFLOW] = "Value too large for defined data type",
        [Errno.EILSEQ] = "Invalid or incomplete multibyte or wide character",
        [Errno.EUSERS] = "Too many users",
        [Errno.ENOTSOCK] = "Socket operation on non-socket",
        [Errno.EDESTADDRREQ] = "Destination address required",
        [Errno.EMSGSIZE] = "Message too long",
        [Errno.EPROTOTYPE] = "Protocol wrong type for socket",
        [Errno.ENOPROTOOPT] = "Protocol not available",
        [Errno.EPROTONOSUPPORT] = "Protocol not supported",
        [Errno.ESOCKTNOSUPPORT] = "Socket type not supported",
        [Errno.EOPNOTSUPP] = "Operation not supported",
        [Errno.EPFNOSUPPORT] = "Protocol family not supported",
        [Errno.EAFNOSUPPORT] = "Address family not supported by protocol",
        [Errno.EADDRINUSE] = "Address already in use",
        [Errno.EADDRNOTAVAIL] = "Cannot assign requested address",
        [Errno.ENETDOWN] = "Network is down",
        [Errno.ENETUNREACH] = "Network is unreachable",
        [Errno.ENETRESET] = "Network dropped connection on reset",
        [Errno.ECONNABORTED] = "Software caused connection abort",
        [Errno.ECONNRESET] = "Connection reset by peer",
        [Errno.ENOBUFS] = "No buffer space available",
        [Errno.EISCONN] = "Transport endpoint is already connected",
        [Errno.ENOTCONN] = "Transport endpoint is not connected",
        [Errno.ESHUTDOWN] = "Cannot send after transport endpoint shutdown",
        [Errno.ETOOMANYREFS] = "Too many references: cannot splice",
        [Errno.ETIMEDOUT] = "Connection timed out",
        [Errno.ECONNREFUSED] = "Connection refused",
        [Errno.EHOSTDOWN] = "Host is down",
        [Errno.EHOSTUNREACH] = "No route to host",
        [Errno.EALREADY] = "Operation already in progress",
        [Errno.EINPROGRESS] = "Operation now in progress",
        [Errno.ESTALE] = "Stale file handle",
        [Errno.EDQUOT] = "Disk quota exceeded",
        [Errno.ECANCELED] = "Operation canceled",
        [Errno.EOWNERDEAD] = "Owner died",
        [Errno.ENOTRECOVERABLE] = "State not recoverable",
        [Errno.ERFKILL] = "Operation not possible due to RF-kill",
        [Errno.EHWPOISON] = "Memory page has hardware error",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Errno> ByName =
        Enum.GetValues<Errno>().Where(e => e != Errno.None).ToFrozenDictionary(e => e.ToString(), e => e);

    /// <summary>The strerror text: <c>Operation not permitted</c> for EPERM.</summary>
    public static string Text(Errno errno) => Texts[errno];

    /// <summary>The errno called <paramref name="name"/>, or false if Linux has no such name here.</summary>
    /// <remarks>EWOULDBLOCK is EAGAIN, ENOTSUP is EOPNOTSUPP and EDEADLOCK is EDEADLK on Linux; strace prints the first names.</remarks>
    public static bool TryParse(string name, out Errno errno)
    {
        name = name switch { "EWOULDBLOCK" => "EAGAIN", "ENOTSUP" => "EOPNOTSUPP", "EDEADLOCK" => "EDEADLK", _ => name };
        return ByName.TryGetValue(name, out errno);
    }
}
