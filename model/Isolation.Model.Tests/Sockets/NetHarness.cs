using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Tests.Sockets;

/// <summary>A booted kernel in a chosen setup that runs scenario lines and answers in trace notation.</summary>
internal sealed class NetHarness
{
    /// <summary>Boots p1 in <paramref name="setup"/>, as root or <paramref name="user"/>, under the given modules.</summary>
    public NetHarness(string setup = "host", int user = 0, params SecurityModule[] modules) =>
        Kernel = KernelState.Boot(new BootOptions([.. modules], setup, user));

    /// <summary>The kernel.</summary>
    public KernelState Kernel { get; }

    /// <summary>The task pN.</summary>
    public Task P(int n) => Kernel.FindTask("p" + n) ?? throw new InvalidOperationException($"no p{n}");

    /// <summary>Runs one event written as in a scenario, without its result: <c>p1 socket(AF_UNIX, SOCK_STREAM, 0)</c>.</summary>
    public SyscallOutcome Run(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var process = line[..space];
        var ev = TraceParser.Parse("# isolation-trace 1\np1 " + line[(space + 1)..] + " = ?\n", "test.trace").Events.Single() with { Process = process };
        return Kernel.Execute(P(int.Parse(process[1..], System.Globalization.CultureInfo.InvariantCulture)), ev);
    }

    /// <summary>Runs an event and gives its result as a trace prints it: <c>3</c>, <c>p2</c>, <c>EPERM</c>.</summary>
    public string R(string line) => Run(line).Result switch
    {
        ValueResult v => v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ProcessResult p => p.Process,
        ErrorResult e => e.Errno.ToString(),
        _ => "?",
    };

    /// <summary>Runs an event and prints output argument <paramref name="index"/> as a trace shows it.</summary>
    public string Out(string line, int index) => TracePrinter.PrintExpr(Run(line).Outputs[index]);

    /// <summary>Runs events that must all succeed.</summary>
    public void Setup(params string[] lines)
    {
        foreach (var line in lines)
        {
            var outcome = Run(line);
            Assert.False(outcome.IsError, $"setup step failed: {line} = {(outcome.Result as ErrorResult)?.Errno}");
        }
    }

    /// <summary>The socket behind descriptor <paramref name="fd"/> of pN.</summary>
    public T Sock<T>(int process, int fd)
        where T : Socket => (T)P(process).Files.Get(fd)!.Object;

    /// <summary>An IPv4 sockaddr as strace prints it.</summary>
    public static string In4(string address, int port) => $"{{sa_family=AF_INET, sin_port=htons({port}), sin_addr=inet_addr(\"{address}\")}}";

    /// <summary>An IPv6 sockaddr as strace prints it.</summary>
    public static string In6(string address, int port) =>
        $"{{sa_family=AF_INET6, sin6_port=htons({port}), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"{address}\", &sin6_addr), sin6_scope_id=0}}";

    /// <summary>An abstract unix sockaddr and its length: <c>{sa_family=AF_UNIX, sun_path=@"name"}, 7</c>.</summary>
    public static string Abstract(string name) => $"{{sa_family=AF_UNIX, sun_path=@\"{name}\"}}, {name.Length + 3}";

    /// <summary>A pathname unix sockaddr and its length.</summary>
    public static string PathAddr(string path) => $"{{sa_family=AF_UNIX, sun_path=\"{path}\"}}, {path.Length + 3}";
}
