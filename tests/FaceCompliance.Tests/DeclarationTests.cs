using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>The declarations users write: documented with the article they serve, and consistent with what the analyzers read.</summary>
public sealed class DeclarationTests
{
    private static readonly Assembly s_runtime = typeof(ProcessesFacialDataAttribute).Assembly;

    /// <summary>The declaration attributes: not the data classes for log redaction (<see cref="FaceComplianceTaxonomy"/>), which no analyzer reads.</summary>
    private static bool IsDeclaration(Type type) =>
        typeof(Attribute).IsAssignableFrom(type) && !typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).IsAssignableFrom(type);

    [Fact]
    public void Every_attribute_documents_the_article_it_serves()
    {
        var docs = XDocument.Load(Path.ChangeExtension(s_runtime.Location, ".xml"));
        var attributes = s_runtime.GetExportedTypes().Where(IsDeclaration).ToList();
        Assert.Equal(13, attributes.Count);
        foreach (var attribute in attributes)
        {
            var id = "T:" + attribute.FullName!.Replace('+', '.');
            var summary = docs.Descendants("member").Single(m => (string?)m.Attribute("name") == id).Element("summary")!.Value;
            Assert.Matches(@"Art\. \d+", summary);
        }
    }

    [Fact]
    public void Analyzers_find_the_declarations_by_the_metadata_names_they_use()
    {
        var analyzerSource = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/Analyzers/FaceCompliance.Analyzers/Model/FacialSymbols.cs"));
        foreach (var attribute in s_runtime.GetExportedTypes().Where(IsDeclaration))
        {
            Assert.Contains($"\"{attribute.FullName}\"", analyzerSource, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Purpose_defaults_follow_the_law()
    {
        var purpose = new FacialDataPurposeAttribute(FacialProcessingMethod.Verification);
        Assert.Equal(FacialDataStorage.OnDevice, purpose.Storage);
        Assert.False(purpose.MayInvolveMinors);
        Assert.Equal(0, purpose.RetentionDays);
        Assert.Equal(FacialLegalBasis.Consent, purpose.LegalBasis);
    }

    [Fact]
    public void A_consent_check_verifies_no_separate_consent_and_no_guardian_unless_it_says_so()
    {
        var check = new FacialConsentCheckAttribute();
        Assert.Equal(FacialConsentScopes.Processing, check.Scopes);
        Assert.False(check.GuardianAware);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FaceCompliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FaceCompliance.sln not found above " + AppContext.BaseDirectory);
    }
}
