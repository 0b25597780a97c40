using HandlebarsDotNet;
using WaOnboard.Checklists;
using WaOnboard.Templates;

namespace WaOnboard.Tests.Templates;

public sealed class ViewModelDescriptorsTests
{
    [Fact]
    public void AViewModelsPropertiesAreReadWhateverTheirTypeAndCase()
    {
        var step = new StepView(3, "Register the number", "", []);

        Assert.True(new ViewModelDescriptors().TryGetDescriptor(typeof(StepView), out var descriptor));
        Assert.True(descriptor.MemberAccessor.TryGetValue(step, "number", out var number));
        Assert.Equal(3, number);
        Assert.True(descriptor.MemberAccessor.TryGetValue(step, "Title", out var title));
        Assert.Equal("Register the number", title);
        Assert.False(descriptor.MemberAccessor.TryGetValue(step, "missing", out _));
    }

    [Fact]
    public void OnlyThisAssemblysViewModelsAreDescribedHandlebarsKeepsTheRest()
    {
        var provider = new ViewModelDescriptors();

        Assert.False(provider.TryGetDescriptor(typeof(Uri), out _));
        Assert.False(provider.TryGetDescriptor(typeof(List<StepView>), out _));
    }

    [Fact]
    public void ATemplateOverAViewModelWithAnIntRendersThroughIt()
    {
        // The int is what Handlebars.Net's own accessor cannot read in the native build (MakeGenericMethod).
        var configuration = new HandlebarsConfiguration();
        configuration.ObjectDescriptorProviders.Add(new ViewModelDescriptors());
        var render = Handlebars.Create(configuration).Compile("{{#each this}}{{Number}}. {{Title}};{{/each}}");

        Assert.Equal("1. a;2. b;", render(new[] { new StepView(1, "a", "", []), new StepView(2, "b", "", []) }));
    }
}
