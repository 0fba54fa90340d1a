using System;
using System.Collections.Generic;
using System.Reflection;

namespace ScrapeDsl.Interpreter;

/// <summary>
/// Finds the methods a rule's <c>custom</c> transforms name in compiled code, so an interpreted run calls the very
/// same C# as the generated extractor: the public or non-public static <c>string? Name(string)</c> methods of the
/// partial class <c>{RuleName}Extractor</c>.
/// </summary>
public static class CustomTransforms
{
    /// <summary>The custom transform methods of rule <paramref name="ruleName"/>'s extractor in <paramref name="assembly"/> (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, Func<string, string?>> FromAssembly(Assembly assembly, string ruleName)
    {
        var methods = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (type.Name == ruleName + "Extractor")
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    var parameters = method.GetParameters();
                    if (method.ReturnType == typeof(string) && parameters.Length == 1 && parameters[0].ParameterType == typeof(string))
                    {
                        methods[method.Name] = method.CreateDelegate<Func<string, string?>>();
                    }
                }
            }
        }

        return methods;
    }
}
