using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using HandlebarsDotNet.Iterators;
using HandlebarsDotNet.MemberAccessors;
using HandlebarsDotNet.ObjectDescriptors;
using HandlebarsDotNet.PathStructure;

namespace WaOnboard.Templates;

/// <summary>
/// Lets the templates read the properties of this assembly's view models by plain reflection. Handlebars.Net's own
/// accessor makes a typed delegate per property (<c>MakeGenericMethod</c>), which the native build of the command line
/// cannot do for a property of a value type (an <c>int</c>, a <c>bool</c>): it has no code for it. Both builds use
/// this one, so the tests cover what the native tool runs (decision 1203).
/// </summary>
internal sealed class ViewModelDescriptors : IObjectDescriptorProvider
{
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The native build keeps every member of this assembly (TrimmerRootAssembly in WaOnboard.Cli.csproj).")]
    public bool TryGetDescriptor(Type type, [NotNullWhen(true)] out ObjectDescriptor? value)
    {
        if (type.Assembly != typeof(ViewModelDescriptors).Assembly || typeof(IEnumerable).IsAssignableFrom(type))
        {
            value = null;
            return false;
        }
        var accessor = new PropertyAccessor(type.GetProperties(BindingFlags.Public | BindingFlags.Instance));
        value = new ObjectDescriptor(type, accessor, (_, _) => accessor.Names, self => new ObjectIterator(self));
        return true;
    }

    private sealed class PropertyAccessor : IMemberAccessor
    {
        private readonly Dictionary<string, PropertyInfo> _properties;

        public PropertyAccessor(PropertyInfo[] properties)
        {
            // Handlebars matches {{name}} to Name whatever the case, as its own accessor does.
            _properties = properties.Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            Names = [.. _properties.Keys.Select(name => (ChainSegment)name)];
        }

        public ChainSegment[] Names { get; }

        public bool TryGetValue(object instance, ChainSegment memberName, out object? value)
        {
            if (_properties.TryGetValue(memberName.TrimmedValue, out var property))
            {
                value = property.GetValue(instance);
                return true;
            }
            value = null;
            return false;
        }
    }
}
