using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace PhotonSdk.Tests.Rest;

/// <summary>
/// The generated client and its types are public API, documented from the spec's descriptions: every public type and
/// member in <c>PhotonSdk.Rest</c> has a non-empty summary in the package's XML documentation file.
/// </summary>
public sealed class GeneratedDocsTests
{
    private const string RestNamespace = "PhotonSdk.Rest";

    [Fact]
    public void Every_public_type_and_member_of_the_generated_client_has_a_summary()
    {
        var summaries = LoadSummaries();
        var visible = VisibleMembersOf(typeof(PhotonClient).Assembly);

        var missing = visible.Where(id => !summaries.Contains(id)).ToList();

        Assert.True(visible.Count > 50, $"Only {visible.Count} public types and members were found in {RestNamespace}.");
        Assert.True(missing.Count == 0, $"No <summary> in PhotonSdk.xml for:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public void Member_ids_are_computed_the_way_the_compiler_writes_them()
    {
        // Every method and property id the compiler wrote for the assembly (hand-written code included, with by-ref,
        // nullable, generic and array parameters) is one that DocId computes, so the test above cannot pass by
        // looking for ids that no documentation file would contain.
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var assembly = typeof(PhotonClient).Assembly;
        var computed = assembly.GetTypes()
            .SelectMany(type => type.GetMembers(All).Where(m => m is MethodBase or PropertyInfo).Select(DocId))
            .ToHashSet(StringComparer.Ordinal);
        var written = LoadDocumentation().Keys.Where(id => id.StartsWith("M:", StringComparison.Ordinal) || id.StartsWith("P:", StringComparison.Ordinal)).ToList();

        Assert.Contains(written, id => id.Contains('{', StringComparison.Ordinal));
        Assert.Contains(written, id => id.Contains('@', StringComparison.Ordinal));
        var unknown = written.Where(id => !computed.Contains(id)).ToList();
        Assert.True(unknown.Count == 0, $"Ids in PhotonSdk.xml that DocId does not compute:{Environment.NewLine}{string.Join(Environment.NewLine, unknown)}");
        Assert.Contains(
            "M:PhotonSdk.Rest.WaveSpeedRestClient.GetPredictionResultAsync(System.String,System.Threading.CancellationToken)",
            computed);
    }

    private static HashSet<string> LoadSummaries() =>
        LoadDocumentation().Where(member => member.Value).Select(member => member.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every member id in PhotonSdk.xml, and whether it has a non-empty summary.</summary>
    private static Dictionary<string, bool> LoadDocumentation()
    {
        // A project reference copies the XML documentation file next to the assembly in the test's output folder.
        var assembly = typeof(PhotonClient).Assembly;
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(path), $"The XML documentation file of {assembly.GetName().Name} is not at {path}.");

        return XDocument.Load(path)
            .Descendants("member")
            .ToDictionary(
                member => (string)member.Attribute("name")!,
                member => member.Element("summary") is { } summary && HasText(summary),
                StringComparer.Ordinal);
    }

    private static bool HasText(XElement summary) =>
        summary.Value.Trim().Length > 0 || summary.Descendants().Any(e => e.Attribute("cref") is not null || e.Attribute("langword") is not null);

    private static List<string> VisibleMembersOf(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var ids = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.Namespace == RestNamespace).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ids.Add("T:" + TypeName(type));
            foreach (var member in type.GetMembers(Declared).Where(IsVisible).Where(m => !m.IsDefined(typeof(CompilerGeneratedAttribute))))
            {
                // A class without constructors gets a parameterless one from the compiler, which has no source to
                // document and is not asked for one (CS1591); a written one is held to a summary by the build itself.
                if (member is ConstructorInfo { IsStatic: false } constructor && constructor.GetParameters().Length == 0)
                    continue;

                switch (member)
                {
                    case MethodBase method when !method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal) || method is ConstructorInfo:
                    case PropertyInfo:
                    case FieldInfo:
                    case EventInfo:
                        ids.Add(DocId(member));
                        break;
                }
            }
        }

        return ids;
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        Type t => t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamORAssem,
        _ => false,
    };

    /// <summary>The documentation id the C# compiler writes for a member (ECMA-334, annex D).</summary>
    private static string DocId(MemberInfo member)
    {
        var owner = TypeName(member.DeclaringType!);
        switch (member)
        {
            case Type nested:
                return "T:" + TypeName(nested);
            case FieldInfo field:
                return $"F:{owner}.{field.Name}";
            case EventInfo @event:
                return $"E:{owner}.{@event.Name}";
            case PropertyInfo property:
                var indexes = property.GetIndexParameters();
                return $"P:{owner}.{ExplicitName(property.Name)}" + (indexes.Length == 0 ? "" : "(" + string.Join(",", indexes.Select(p => Parameter(p.ParameterType))) + ")");
            case MethodBase method:
                var name = method is ConstructorInfo ? (method.IsStatic ? "#cctor" : "#ctor") : ExplicitName(method.Name);
                if (method.IsGenericMethodDefinition)
                    name += "``" + method.GetGenericArguments().Length;
                var parameters = method.GetParameters();
                var id = $"M:{owner}.{name}" + (parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => Parameter(p.ParameterType))) + ")");
                if (method is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion)
                    id += "~" + Parameter(conversion.ReturnType);
                return id;
            default:
                throw new NotSupportedException(member.GetType().Name);
        }
    }

    /// <summary>An explicit interface implementation's name as an id writes it: <c>System#IDisposable#Dispose</c>.</summary>
    private static string ExplicitName(string name) => name.Replace('.', '#').Replace('<', '{').Replace('>', '}');

    /// <summary>A type as a documentation id names it when it is declared: namespace, outer types, arity suffix.</summary>
    private static string TypeName(Type type) =>
        type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? "" : type.Namespace + ".") + type.Name;

    /// <summary>A type as a documentation id names it in a parameter list.</summary>
    private static string Parameter(Type type)
    {
        if (type.IsByRef)
            return Parameter(type.GetElementType()!) + "@";
        if (type.IsPointer)
            return Parameter(type.GetElementType()!) + "*";
        if (type.IsArray)
            return Parameter(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericParameter)
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;

        var builder = new StringBuilder();
        var outer = type.IsNested ? Parameter(type.DeclaringType!) + "." : (type.Namespace is null ? "" : type.Namespace + ".");
        builder.Append(outer);
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        builder.Append(tick < 0 ? type.Name : type.Name[..tick]);
        if (type.IsGenericType)
        {
            // Only the arguments that belong to this type, not to the types it is nested in.
            var own = type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0).ToList();
            if (own.Count > 0)
                builder.Append('{').Append(string.Join(",", own.Select(Parameter))).Append('}');
        }

        return builder.ToString();
    }
}
