using System.Linq;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// The separate consents a facial-data use needs beyond consent to its purpose (FC0018), in one place: the flow
/// analysis asks every use, and a check must verify the scopes on every path before it. An API that sends
/// facial data off the device needs <see cref="LawValues.ScopeTransfer"/>; one that provides facial data to another
/// processor (FC0019) needs <see cref="LawValues.ScopeProvision"/>; an off-device use for a purpose that declares a
/// transfer abroad (PIPL Arts. 38-39) also needs <see cref="LawValues.ScopeCrossBorder"/>. A rule that finds another such use adds its case
/// to <see cref="Of"/> (docs/semantics.md, "Flow analysis").
/// </summary>
internal static class ConsentScopeDemands
{
    /// <summary>The scopes (<c>LawValues.Scope*</c> flags) a use needs and what it does, as FC0018 says it; null when it needs none.</summary>
    public static ConsentScopeDemand? Of(FacialModel model, FacialUse use, ConsentRequirement requirement)
    {
        if (use.Api.Kind != FacialApiKind.Processing)
        {
            return null;
        }

        var offDevice = model.SendsOffDevice(use.Target);
        var provision = model.ProvidesToRecipient(use.Target, out _);
        if (offDevice && IsForTransferAbroad(model, requirement))
        {
            return new ConsentScopeDemand(
                LawValues.ScopeTransfer | LawValues.ScopeCrossBorder | (provision ? LawValues.ScopeProvision : 0),
                "sends facial data off the device for a purpose that transfers it abroad");
        }

        return (offDevice, provision) switch
        {
            (true, true) => new ConsentScopeDemand(LawValues.ScopeTransfer | LawValues.ScopeProvision, "sends facial data off the device to another processor"),
            (true, false) => new ConsentScopeDemand(LawValues.ScopeTransfer, "sends facial data off the device"),
            (false, true) => new ConsentScopeDemand(LawValues.ScopeProvision, "provides facial data to another processor"),
            _ => null,
        };
    }

    /// <summary>Whether a purpose the use serves declares a transfer abroad (<c>TransferAbroad</c>).</summary>
    private static bool IsForTransferAbroad(FacialModel model, ConsentRequirement requirement)
    {
        foreach (var purpose in requirement.Purposes)
        {
            if (model.Symbols.GetPurposeTransferAbroad(purpose) != LawValues.CrossBorderNone)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scopes, as C# writes them: "FacialConsentScopes.Transfer", "FacialConsentScopes.Transfer | FacialConsentScopes.CrossBorder".</summary>
    public static string Names(int scopes) => string.Join(" | ", LawValues.FlagNames(scopes, LawValues.Scopes).Select(name => "FacialConsentScopes." + name));
}

/// <summary>Separate-consent scopes one use needs, and what it does that needs them.</summary>
internal sealed class ConsentScopeDemand
{
    public ConsentScopeDemand(int scopes, string action)
    {
        Scopes = scopes;
        Action = action;
    }

    /// <summary><c>LawValues.Scope*</c> flags.</summary>
    public int Scopes { get; }

    /// <summary>What the use does, as FC0018 says it: "sends facial data off the device".</summary>
    public string Action { get; }
}
