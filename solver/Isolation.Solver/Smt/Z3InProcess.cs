using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Isolation.Solver.Smt;

/// <summary>
/// Z3 in this process through <see cref="Z3Native"/>: a fresh context per query, the query's script
/// evaluated as text, then its get-value when the answer is sat.
/// </summary>
public sealed class Z3InProcess : ISmtSolver
{
    private readonly int _timeoutMs;

    /// <summary>A solver that gives up on a query after <paramref name="timeoutMs"/> milliseconds.</summary>
    public Z3InProcess(int timeoutMs = 20_000) => _timeoutMs = timeoutMs;

    /// <inheritdoc/>
    public string Name => "z3";

    /// <summary>Whether libz3.so.4 can be loaded here.</summary>
    public static bool IsAvailable => NativeLibrary.TryLoad("libz3.so.4", out _);

    /// <inheritdoc/>
    public SmtAnswer Check(SmtQuery query)
    {
        var clock = Stopwatch.StartNew();
        var config = Z3Native.Z3_mk_config();
        Z3Native.Z3_set_param_value(config, "timeout", _timeoutMs.ToString(CultureInfo.InvariantCulture));
        Z3Native.Z3_set_param_value(config, "model", "true");
        var context = Z3Native.Z3_mk_context(config);
        Z3Native.Z3_del_config(config);
        try
        {
            Z3Native.Z3_set_error_handler(context, IntPtr.Zero);
            var output = Eval(context, query.Script);
            var status = SolverOutput.Status(output);
            if (status is null)
            {
                return new SmtAnswer(Name, SmtStatus.Unknown, SolverOutput.None, SolverOutput.Reason(output), clock.Elapsed);
            }

            if (status != SmtStatus.Sat)
            {
                var reason = status == SmtStatus.Unknown ? Eval(context, "(get-info :reason-unknown)") : null;
                return new SmtAnswer(Name, status.Value, SolverOutput.None, reason, clock.Elapsed);
            }

            var model = query.GetValue.Length == 0 ? SolverOutput.None : SolverOutput.Model(Eval(context, query.GetValue), query);
            return new SmtAnswer(Name, SmtStatus.Sat, model, null, clock.Elapsed);
        }
        finally
        {
            Z3Native.Z3_del_context(context);
        }
    }

    // The text the commands printed, or the error Z3 recorded (which the caller reads as no status).
    private static string Eval(IntPtr context, string commands)
    {
        var result = Z3Native.Z3_eval_smtlib2_string(context, commands);
        var code = Z3Native.Z3_get_error_code(context);
        if (code != 0)
        {
            return "(error \"" + Marshal.PtrToStringUTF8(Z3Native.Z3_get_error_msg(context, code)) + "\")";
        }

        return Marshal.PtrToStringUTF8(result) ?? "";
    }
}
