using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace RazorGate;

/// <summary>Serves the gate's Razor Page.</summary>
public static class Program
{
    /// <summary>Starts the site.</summary>
    /// <param name="args">The command line.</param>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.MapRazorPages();
        app.Run();
    }
}
