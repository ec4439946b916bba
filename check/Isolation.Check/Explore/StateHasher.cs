using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Isolation.Model.Kernel;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Check.Explore;

/// <summary>
/// Computes a state's fingerprint by walking the object graph of the kernel and the property
/// monitors — every field of every object, whatever module or monitor it belongs to, so a design
/// needs no code of its own to be explored (fields marked <see cref="NotStateAttribute"/> are left
/// out). Objects are numbered in the order first reached
/// (identity, not address, counts), collections are walked through their elements, delegates and the
/// kernel's fixed tables are skipped. With a task numbering, tasks are renamed by it and every
/// collection of tasks is read in that order: the symmetry reduction hashes a state under each
/// renaming of the interchangeable processes and keeps the least fingerprint.
/// </summary>
internal sealed class StateHasher
{
    private static readonly ConcurrentDictionary<Type, TypePlan> Plans = new();
    private static readonly FieldInfo TaskNumber = typeof(Task).GetField("<Number>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Task.Number is no longer an auto-property: update StateHasher");

    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyDictionary<Task, int>? _taskNumbers;
    private ulong _a = 0x9E3779B97F4A7C15, _b = 0xC2B2AE3D27D4EB4F;

    /// <summary>The fingerprint of the kernel and monitors; with <paramref name="symmetry"/>, the least over renamings of p2…pN.</summary>
    public static Fingerprint Of(KernelState kernel, IEnumerable<object> monitors, bool symmetry)
    {
        var roots = monitors.Prepend(kernel).ToArray();
        var tasks = kernel.Tasks;
        if (!symmetry || tasks.Count <= 2)
        {
            return new StateHasher().Hash(roots, null);
        }

        var best = default(Fingerprint?);
        foreach (var order in Permutations(tasks.Skip(1).ToList()))
        {
            var numbers = new Dictionary<Task, int>(ReferenceEqualityComparer.Instance) { [tasks[0]] = 1 };
            for (var i = 0; i < order.Count; i++)
            {
                numbers[order[i]] = i + 2;
            }

            var print = new StateHasher().Hash(roots, numbers);
            if (best is null || print.IsLessThan(best.Value))
            {
                best = print;
            }
        }

        return best!.Value;
    }

    private Fingerprint Hash(object[] roots, IReadOnlyDictionary<Task, int>? taskNumbers)
    {
        _taskNumbers = taskNumbers;
        if (taskNumbers is not null)
        {
            // Tasks get their identity numbers first, in the renamed order.
            foreach (var (task, _) in taskNumbers.OrderBy(p => p.Value))
            {
                _ids[task] = _ids.Count;
            }
        }

        foreach (var root in roots)
        {
            Walk(root);
        }

        return new Fingerprint(Final(_a), Final(_b));
    }

    private void Walk(object? value)
    {
        if (value is null)
        {
            Mix(0xA0);
            return;
        }

        var type = value.GetType();
        var plan = Plans.GetOrAdd(type, TypePlan.For);
        switch (plan.Kind)
        {
            case PlanKind.Skip:
                Mix(0xA1);
                return;
            case PlanKind.Scalar:
                Mix(Scalar(value));
                return;
            case PlanKind.String:
                var s = (string)value;
                Mix((ulong)s.Length);
                foreach (var c in s)
                {
                    Mix(c);
                }

                return;
        }

        if (!type.IsValueType)
        {
            if (_ids.TryGetValue(value, out var id))
            {
                Mix(0xA2);
                Mix((ulong)id);
                return;
            }

            _ids[value] = _ids.Count;
        }

        Mix((ulong)plan.TypeId);
        if (plan.Kind == PlanKind.Sequence)
        {
            var items = new List<object?>();
            foreach (var item in (IEnumerable)value)
            {
                items.Add(item);
            }

            if (_taskNumbers is not null && items.Count > 1 && items.Any(i => TaskOrder(i) != 0))
            {
                items = [.. items.OrderBy(TaskOrder)];
            }

            Mix((ulong)items.Count);
            foreach (var item in items)
            {
                Walk(item);
            }

            return;
        }

        foreach (var field in plan.Fields)
        {
            if (field.Info == TaskNumber && _taskNumbers is not null)
            {
                Mix((ulong)_taskNumbers[(Task)value]);
            }
            else
            {
                Walk(field.Read(value));
            }
        }
    }

    /// <summary>Where an element sorts when tasks are renamed: a task, or a pair keyed by one, by its new number; others (0) keep their place.</summary>
    private int TaskOrder(object? item) => item switch
    {
        Task t => _taskNumbers!.GetValueOrDefault(t),
        not null when Plans.GetOrAdd(item.GetType(), TypePlan.For).PairKey is { } key && key.Read(item) is Task k => _taskNumbers!.GetValueOrDefault(k),
        _ => 0,
    };

    private static ulong Scalar(object value) => value switch
    {
        int i => unchecked((ulong)i),
        long l => unchecked((ulong)l),
        bool b => b ? 1UL : 2UL,
        byte b => b,
        char c => c,
        uint u => u,
        ulong u => u,
        short h => unchecked((ulong)h),
        ushort h => h,
        sbyte b => unchecked((ulong)b),
        double d => unchecked((ulong)BitConverter.DoubleToInt64Bits(d)),
        float f => unchecked((ulong)BitConverter.SingleToInt32Bits(f)),
        Enum e => unchecked((ulong)Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
        _ => unchecked((ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private void Mix(ulong x)
    {
        _a = (ulong.RotateLeft(_a ^ x, 29) * 0x9FB21C651E98DF25) + 0x6A09E667F3BCC909;
        _b = (ulong.RotateLeft(_b ^ (x * 0xD6E8FEB86659FD93), 37) * 0xC6A4A7935BD1E995) ^ 0xBB67AE8584CAA73B;
    }

    private static ulong Final(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        return h ^ (h >> 33);
    }

    private static IEnumerable<List<Task>> Permutations(List<Task> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    /// <summary>A field and a compiled reader for it (reflection's GetValue is the search's bottleneck otherwise).</summary>
    private sealed record FieldReader(FieldInfo Info, Func<object, object?> Read)
    {
        public static FieldReader For(FieldInfo field)
        {
            var instance = Expression.Parameter(typeof(object));
            var owner = field.DeclaringType!;
            var typed = owner.IsValueType ? Expression.Unbox(instance, owner) : (Expression)Expression.Convert(instance, owner);
            var read = Expression.Convert(Expression.Field(typed, field), typeof(object));
            return new(field, Expression.Lambda<Func<object, object?>>(read, instance).Compile());
        }
    }

    private enum PlanKind
    {
        Skip,
        Scalar,
        String,
        Sequence,
        Fields,
    }

    /// <summary>How to walk objects of one type, worked out once.</summary>
    private sealed record TypePlan(PlanKind Kind, int TypeId, FieldReader[] Fields)
    {
        /// <summary>For a <see cref="KeyValuePair{TKey, TValue}"/>, the reader of its key (dictionaries keyed by tasks sort by it).</summary>
        public FieldReader? PairKey { get; } = Fields.FirstOrDefault(f => f.Info.DeclaringType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && f.Info.Name == "key");

        /// <summary>Types that are the kernel's fixed configuration, the same in every state.</summary>
        private static readonly Type[] Fixed = [typeof(SyscallTable), typeof(HookTable), typeof(Type)];

        public static TypePlan For(Type type)
        {
            var id = StableId(type);
            if (typeof(Delegate).IsAssignableFrom(type) || Fixed.Any(f => f.IsAssignableFrom(type)))
            {
                return new(PlanKind.Skip, id, []);
            }

            if (type.IsPrimitive || type.IsEnum || type == typeof(decimal))
            {
                return new(PlanKind.Scalar, id, []);
            }

            if (type == typeof(string))
            {
                return new(PlanKind.String, id, []);
            }

            if (type.IsArray || (typeof(IEnumerable).IsAssignableFrom(type) && (type.Namespace ?? "").StartsWith("System.Collections", StringComparison.Ordinal)))
            {
                return new(PlanKind.Sequence, id, []);
            }

            return new(PlanKind.Fields, id, [.. FieldsOf(type).Select(FieldReader.For)]);
        }

        /// <summary>A number for the type that does not depend on the order types were first met (runs must be reproducible).</summary>
        private static int StableId(Type type)
        {
            var name = type.FullName ?? type.Name;
            var h = 17;
            foreach (var c in name)
            {
                h = unchecked((h * 31) + c);
            }

            return h;
        }

        private static IEnumerable<FieldInfo> FieldsOf(Type type)
        {
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(f => f.GetCustomAttribute<NotStateAttribute>() is null)
                    .OrderBy(f => f.MetadataToken))
                {
                    yield return field;
                }
            }
        }
    }
}
