namespace Jianfu.Platform.Files;

/// <summary>A file built into the application (a module's demo data under Modules/&lt;Module&gt;/Demo/).</summary>
public static class EmbeddedFile
{
    /// <summary>Opens <paramref name="name"/> from the Demo folder of the module <paramref name="owner"/> belongs to.</summary>
    public static StreamReader OpenDemo(Type owner, string name)
    {
        var resource = $"{owner.Namespace!.Split('.').Take(3).Aggregate((a, b) => a + "." + b)}.Demo.{name}";
        return new StreamReader(owner.Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing"));
    }
}
