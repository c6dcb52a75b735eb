using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Ptp4Net.Tests.Architecture;

/// <summary>
/// Reads an assembly's metadata (System.Reflection.Metadata, nothing loaded or run) and lists, for every method
/// of every type, what its IL refers to (methods, fields, types, by their declaring type's full name) and whether
/// the method is a P/Invoke (<c>[DllImport]</c>, or <c>[LibraryImport]</c> whose generated stub is one). The
/// "where" of a reference is the outermost declaring type, so lambdas, local functions and async state machines
/// count for the type whose source holds them.
/// </summary>
internal static class IlReferenceScanner
{
    /// <summary>One reference from IL (or a P/Invoke declaration, with <see cref="Member"/> "[DllImport]" or
    /// "[LibraryImport]").</summary>
    /// <param name="FromType">Full name of the outermost type holding the code, e.g. "Ptp4Net.Engine.PtpClockEngine".</param>
    /// <param name="FromMethod">The method holding the code.</param>
    /// <param name="TargetType">Full name of the referenced member's declaring type (generic arity kept: "List`1").</param>
    /// <param name="Member">The member's name (".ctor" for construction), or null for a bare type token.</param>
    /// <param name="ParameterCount">The referenced method's parameter count, or -1.</param>
    internal readonly record struct Reference(string FromType, string FromMethod, string TargetType, string? Member, int ParameterCount)
    {
        public string FromNamespace => FromType.LastIndexOf('.') is int i and >= 0 ? FromType[..i] : "";

        public override string ToString() =>
            $"{FromType}.{FromMethod} -> {TargetType}{(Member is null ? "" : "::" + Member)}{(ParameterCount >= 0 ? $"({ParameterCount} args)" : "")}";
    }

    public const string DllImportMarker = "[DllImport]";
    public const string LibraryImportMarker = "[LibraryImport]";

    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    public static IReadOnlyList<Reference> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var result = new List<Reference>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            string from = OutermostName(md, typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                string methodName = md.GetString(method.Name);
                if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
                    result.Add(new Reference(from, methodName, DllImportMarker, DllImportMarker, -1));
                foreach (var ca in method.GetCustomAttributes())
                    if (AttributeTypeName(md, md.GetCustomAttribute(ca)) == "System.Runtime.InteropServices.LibraryImportAttribute")
                        result.Add(new Reference(from, methodName, LibraryImportMarker, LibraryImportMarker, -1));
                if (method.RelativeVirtualAddress == 0)
                    continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                ReadIl(md, ref il, from, methodName, result);
            }
        }
        return result;
    }

    private static void ReadIl(MetadataReader md, ref BlobReader il, string from, string method, List<Reference> result)
    {
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE)
                code = unchecked((short)(0xFE00 | il.ReadByte()));
            switch (OperandTypes[code])
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    int n = il.ReadInt32();
                    il.Offset += 4 * n;
                    break;
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var handle = MetadataTokens.EntityHandle(il.ReadInt32());
                    var (target, member, count) = Describe(md, handle);
                    result.Add(new Reference(from, method, target, member, count));
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    il.Offset += 4;
                    break;
            }
        }
    }

    private static (string Type, string? Member, int Count) Describe(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var def = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return (TypeName(md, def.GetDeclaringType()), md.GetString(def.Name), ParameterCount(md, def.Signature));
            case HandleKind.FieldDefinition:
                var field = md.GetFieldDefinition((FieldDefinitionHandle)handle);
                return (TypeName(md, field.GetDeclaringType()), md.GetString(field.Name), -1);
            case HandleKind.MemberReference:
                var mr = md.GetMemberReference((MemberReferenceHandle)handle);
                int count = mr.GetKind() == MemberReferenceKind.Method ? ParameterCount(md, mr.Signature) : -1;
                string parent = mr.Parent.Kind == HandleKind.MethodDefinition
                    ? TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)mr.Parent).GetDeclaringType())
                    : TypeName(md, mr.Parent);
                return (parent, md.GetString(mr.Name), count);
            case HandleKind.MethodSpecification:
                return Describe(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return (TypeName(md, handle), null, -1);
        }
    }

    private static int ParameterCount(MetadataReader md, BlobHandle signature)
    {
        var blob = md.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        if (header.IsGeneric)
            blob.ReadCompressedInteger();
        return blob.ReadCompressedInteger();
    }

    private static string? AttributeTypeName(MetadataReader md, CustomAttribute ca) => ca.Constructor.Kind switch
    {
        HandleKind.MemberReference => TypeName(md, md.GetMemberReference((MemberReferenceHandle)ca.Constructor).Parent),
        HandleKind.MethodDefinition => TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)ca.Constructor).GetDeclaringType()),
        _ => null,
    };

    /// <summary>Full name of a TypeDef, TypeRef or TypeSpec (a generic instance names its generic type; arrays,
    /// pointers and generic parameters give "?").</summary>
    private static string TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                var td = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                var outer = td.GetDeclaringType();
                return outer.IsNil
                    ? Join(md.GetString(td.Namespace), md.GetString(td.Name))
                    : TypeName(md, outer) + "+" + md.GetString(td.Name);
            case HandleKind.TypeReference:
                var tr = md.GetTypeReference((TypeReferenceHandle)handle);
                return tr.ResolutionScope.Kind == HandleKind.TypeReference
                    ? TypeName(md, (TypeReferenceHandle)tr.ResolutionScope) + "+" + md.GetString(tr.Name)
                    : Join(md.GetString(tr.Namespace), md.GetString(tr.Name));
            case HandleKind.TypeSpecification:
                var blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                    return "?";
                blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
                return TypeName(md, blob.ReadTypeHandle());
            default:
                return "?";
        }
    }

    private static string OutermostName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var td = md.GetTypeDefinition(handle);
        while (!td.GetDeclaringType().IsNil)
        {
            handle = td.GetDeclaringType();
            td = md.GetTypeDefinition(handle);
        }
        return Join(md.GetString(td.Namespace), md.GetString(td.Name));
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    /// <summary>Assembly files of the product next to the test assembly (copied there by the project references).</summary>
    public static string AssemblyPath(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not next to the test assembly ({AppContext.BaseDirectory})");
        return path;
    }

    internal static ImmutableArray<string> ProductAssemblies { get; } =
        ["Ptp4Net.Core.dll", "Ptp4Net.Servo.dll", "Ptp4Net.Phc.dll", "Ptp4Net.Simulation.dll", "ptp4net.dll"];
}
