using System.Runtime.InteropServices;

namespace Isolation.Solver.Smt;

/// <summary>
/// The few functions of Z3's C API the in-process solver needs, from Debian's libz3-4
/// (<c>libz3.so.4</c>): a context, SMT-LIB2 evaluation, and errors as codes instead of exits.
/// </summary>
/// <remarks>z3_api.h (Z3 4.8): Z3_mk_config, Z3_mk_context, Z3_eval_smtlib2_string, Z3_set_error_handler, Z3_get_error_code, Z3_get_error_msg, Z3_del_context.</remarks>
internal static partial class Z3Native
{
    private const string Library = "libz3.so.4";

    /// <summary>Z3_mk_config.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr Z3_mk_config();

    /// <summary>Z3_del_config.</summary>
    [LibraryImport(Library)]
    public static partial void Z3_del_config(IntPtr config);

    /// <summary>Z3_set_param_value: a configuration parameter (<c>timeout</c> in milliseconds, <c>model</c>).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Z3_set_param_value(IntPtr config, string name, string value);

    /// <summary>Z3_mk_context.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr Z3_mk_context(IntPtr config);

    /// <summary>Z3_del_context.</summary>
    [LibraryImport(Library)]
    public static partial void Z3_del_context(IntPtr context);

    /// <summary>Z3_set_error_handler: with no handler, an error is recorded for Z3_get_error_code instead of ending the process.</summary>
    [LibraryImport(Library)]
    public static partial void Z3_set_error_handler(IntPtr context, IntPtr handler);

    /// <summary>Z3_get_error_code: 0 (Z3_OK) when the last call succeeded.</summary>
    [LibraryImport(Library)]
    public static partial int Z3_get_error_code(IntPtr context);

    /// <summary>Z3_get_error_msg.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr Z3_get_error_msg(IntPtr context, int code);

    /// <summary>Z3_eval_smtlib2_string: runs SMT-LIB2 commands and returns what they print (owned by the context).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Z3_eval_smtlib2_string(IntPtr context, string commands);
}
