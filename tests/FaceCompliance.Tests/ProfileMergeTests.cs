using System;
using System.Linq;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>
/// "Strictest wins" (JURISDICTIONS.md Part 2) over the shared profile table: union of obligations, bans, notice
/// elements and consent properties; intersection of exemptions and disclosure bases; minimum of ceilings; maximum of
/// floors; named conflicts that stay errors until a declaration resolves them.
/// </summary>
public sealed class ProfileMergeTests
{
    private static readonly DateTimeOffset Collected = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static MergedRequirements ChinaIllinoisEu(PurposeDesign? design = null, params ConflictResolution[] resolutions)
        => ProfileMerge.Merge(
            new[] { JurisdictionRequirementTable.CN, JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.EU },
            design ?? PurposeDesign.None,
            resolutions);

    [Fact]
    public void China_Illinois_and_the_EU_on_one_purpose_give_the_strictest_retention()
    {
        var merged = ChinaIllinoisEu();

        // Neither CN nor the EU fixes a number; BIPA's 3 years after the last interaction and deletion when the purpose is satisfied win.
        var ceiling = merged.DeletionLimitFrom(RetentionAnchor.LastInteraction)!;
        Assert.Equal(LawPeriod.OfYears(3), ceiling.Value.Period);
        Assert.Equal("US-IL IL-15A-DESTROY (IL1)", Assert.Single(ceiling.Sources).ToString());
        Assert.Equal(LawPeriod.Zero, merged.DeletionLimitFrom(RetentionAnchor.PurposeEnd)!.Value.Period);
        Assert.Null(merged.DeletionLimitFrom(RetentionAnchor.NoLongerNecessaryDecision));

        // The records floor is CN's 3 years; the filing threshold CN's 100,000.
        Assert.Equal(LawPeriod.OfYears(3), merged.RecordsFloor!.Value);
        Assert.Equal(100_000, merged.FilingThreshold!.Value);
        Assert.Equal(LawPeriod.OfMonths(1), merged.RequestResponseDeadline!.Value);

        // Deletion at the earliest deadline: the purpose ends first here, so that day.
        var purposeEnded = Collected.AddMonths(7);
        Assert.Equal(purposeEnded, merged.DeleteBy(lastInteraction: Collected.AddMonths(6), purposeEnded: purposeEnded, noLongerNecessaryDecided: null));
        Assert.Equal(Collected.AddYears(3), merged.DeleteBy(lastInteraction: Collected, purposeEnded: null, noLongerNecessaryDecided: null));
    }

    [Fact]
    public void China_Illinois_and_the_EU_on_one_purpose_give_the_union_of_consent_requirements()
    {
        var merged = ChinaIllinoisEu();

        // Unbundled (CN), express (CN, EU), e-signed (IL), purpose-specific, bound to the notice version; a guardian under 14.
        Assert.Equal(
            ConsentProperty.Separate | ConsentProperty.Explicit | ConsentProperty.WrittenOrESignature
                | ConsentProperty.PurposeSpecific | ConsentProperty.NoticeVersionBound,
            merged.ConsentFlags);
        Assert.Equal(14, merged.GuardianConsentAge!.Value);
        Assert.Equal(new[] { "CN", "EU" }, merged.ConsentRequirements.Single(r => r.Value == ConsentProperty.Explicit).Sources.Select(s => s.ProfileId));
        Assert.Equal(new[] { "US-IL" }, merged.ConsentRequirements.Single(r => r.Value == ConsentProperty.WrittenOrESignature).Sources.Select(s => s.ProfileId));

        // No single profile asks for all of it.
        Assert.All(new[] { JurisdictionRequirementTable.CN, JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.EU },
            profile => Assert.NotEqual(merged.ConsentFlags, profile.ConsentFlags));
    }

    [Fact]
    public void Obligations_bans_and_notice_elements_are_the_union_in_notice_order()
    {
        var merged = ChinaIllinoisEu();

        Assert.Equal(Enum.GetValues<RequiredNoticeElement>(), merged.NoticeElements.Select(e => e.Value));
        Assert.Equal(new[] { "US-IL" }, merged.NoticeElements.Single(e => e.Value == RequiredNoticeElement.BiometricDataCollected).Sources.Select(s => s.ProfileId));
        Assert.True(merged.NoticeElements.Single(e => e.Value == RequiredNoticeElement.AutomatedDecisions).Unconfirmed);
        Assert.False(merged.NoticeElements.Single(e => e.Value == RequiredNoticeElement.SpecificPurpose).Unconfirmed);

        Assert.Equal(new[] { RequiredAssessment.Pipia, RequiredAssessment.Dpia, RequiredAssessment.RecordOfProcessing }, merged.RequiredAssessments.Select(a => a.Value));
        Assert.Equal(new[] { "CN-ART13-PRIVATE", "IL-15C-NOPROFIT" }, merged.Bans.Select(b => b.Value));
        Assert.True(merged.RequiresPublicPolicy!.Value);
        Assert.True(merged.OneToOneIsSpecialCategory!.Value);
        Assert.True(merged.DeviceLocalDefault!.Value);
    }

    [Fact]
    public void Exemptions_and_disclosure_bases_are_the_intersection()
    {
        // CN grants R&D, IL grants GLBA and government: none is granted by both.
        Assert.Empty(ProfileMerge.Merge(new[] { JurisdictionRequirementTable.CN, JurisdictionRequirementTable.USIL }).Exemptions);
        Assert.Equal(
            new[] { ProfileExemption.FinancialInstitution, ProfileExemption.GovernmentAgency },
            ProfileMerge.Merge(new[] { JurisdictionRequirementTable.USIL }).Exemptions.Select(e => e.Value));

        // CN and the EU have no list of disclosure grounds, so they leave BIPA's; Texas and Colorado narrow it.
        Assert.Equal(
            new[] { DisclosureBasis.SubjectConsent, DisclosureBasis.RequestedFinancialTransaction, DisclosureBasis.RequiredByLaw, DisclosureBasis.WarrantOrSubpoena },
            ChinaIllinoisEu().AllowedDisclosureBases!.Select(b => b.Value));
        Assert.Equal(
            new[] { DisclosureBasis.RequestedFinancialTransaction, DisclosureBasis.RequiredByLaw },
            ProfileMerge.Merge(new[] { JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.USTX, JurisdictionRequirementTable.USCO })
                .AllowedDisclosureBases!.Select(b => b.Value));
        Assert.Null(ProfileMerge.Merge(new[] { JurisdictionRequirementTable.CN, JurisdictionRequirementTable.EU }).AllowedDisclosureBases);
    }

    [Fact]
    public void Ceilings_take_the_minimum_and_floors_the_maximum_with_the_rows_that_decided_them()
    {
        var merged = ProfileMerge.Merge(new[]
        {
            JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.USTX, JurisdictionRequirementTable.USCO,
            JurisdictionRequirementTable.EUAIACT, JurisdictionRequirementTable.CN,
        });

        // Colorado's 24 months beats BIPA's 3 years, and its figures are marked UNCONFIRMED in JURISDICTIONS.md.
        var ceiling = merged.DeletionLimitFrom(RetentionAnchor.LastInteraction)!;
        Assert.Equal(LawPeriod.OfMonths(24), ceiling.Value.Period);
        Assert.Equal("US-CO", Assert.Single(ceiling.Sources).ProfileId);
        Assert.True(ceiling.Unconfirmed);

        // Texas allows a year after the purpose ends; Illinois and Colorado none: both are named.
        var grace = merged.DeletionLimitFrom(RetentionAnchor.PurposeEnd)!;
        Assert.Equal(LawPeriod.Zero, grace.Value.Period);
        Assert.Equal(new[] { "US-CO", "US-IL" }, grace.Sources.Select(s => s.ProfileId));
        Assert.Equal(LawPeriod.OfDays(45), merged.DeletionLimitFrom(RetentionAnchor.NoLongerNecessaryDecision)!.Value.Period);

        // Records: CN's 3 years over the AI Act's 6 months of logs.
        Assert.Equal(LawPeriod.OfYears(3), merged.RecordsFloor!.Value);
        Assert.Equal("CN", Assert.Single(merged.RecordsFloor.Sources).ProfileId);
        Assert.Equal(LawPeriod.OfMonths(6), ProfileMerge.Merge(new[] { JurisdictionRequirementTable.EUAIACT, JurisdictionRequirementTable.USIL }).RecordsFloor!.Value);
    }

    [Fact]
    public void The_merge_does_not_depend_on_the_order_or_repetition_of_the_profiles()
    {
        var forward = ChinaIllinoisEu();
        var backward = ProfileMerge.Merge(new[] { JurisdictionRequirementTable.EU, JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.CN, JurisdictionRequirementTable.EU });

        Assert.Equal(new[] { "CN", "EU", "US-IL" }, backward.ProfileIds);
        Assert.Equal(Describe(forward), Describe(backward));
    }

    [Fact]
    public void A_duty_to_keep_templates_against_a_duty_to_destroy_them_is_a_conflict_until_resolved()
    {
        var design = new PurposeDesign(templateKeepDuty: LawPeriod.OfYears(5));

        var conflict = Assert.Single(ChinaIllinoisEu(design).UnresolvedConflicts);
        Assert.Equal(ProfileConflicts.RetentionFloorAboveCeiling, conflict.Id);
        Assert.Equal(new[] { "US-IL", "US-IL" }, conflict.Sources.Select(s => s.ProfileId));
        Assert.Contains("5 years", conflict.Description, StringComparison.Ordinal);

        var resolved = ChinaIllinoisEu(design, new ConflictResolution(ProfileConflicts.RetentionFloorAboveCeiling, "Kept under a court's legal hold; see the hold register."));
        Assert.Empty(resolved.UnresolvedConflicts);
        Assert.Equal("Kept under a court's legal hold; see the hold register.", Assert.Single(resolved.Conflicts).Justification);

        // Without a profile that destroys, the same duty is no conflict.
        Assert.Empty(ProfileMerge.Merge(new[] { JurisdictionRequirementTable.CN, JurisdictionRequirementTable.EU }, design, Array.Empty<ConflictResolution>()).Conflicts);
    }

    [Fact]
    public void Device_local_storage_against_cloud_matching_is_a_conflict_until_resolved()
    {
        var cloud = new PurposeDesign(matchesInCloud: true);

        var conflict = Assert.Single(ChinaIllinoisEu(cloud).UnresolvedConflicts);
        Assert.Equal(ProfileConflicts.DeviceLocalVersusCloudMatching, conflict.Id);
        Assert.Equal("CN CN-ART8-LOCALSTORE (S1-press, S2, S4)", Assert.Single(conflict.Sources).ToString());

        // A resolution of another conflict does not resolve it, and is reported as unmatched.
        var wrong = ChinaIllinoisEu(cloud, new ConflictResolution(ProfileConflicts.RetentionFloorAboveCeiling, "n/a"));
        Assert.Single(wrong.UnresolvedConflicts);
        Assert.Equal(ProfileConflicts.RetentionFloorAboveCeiling, Assert.Single(wrong.UnmatchedResolutions).Conflict);

        Assert.Empty(ChinaIllinoisEu(cloud, new ConflictResolution(ProfileConflicts.DeviceLocalVersusCloudMatching, "Separate consent to server matching (CN Art. 8).")).UnresolvedConflicts);
        Assert.Empty(ProfileMerge.Merge(new[] { JurisdictionRequirementTable.EU, JurisdictionRequirementTable.USIL }, cloud, Array.Empty<ConflictResolution>()).Conflicts);
    }

    [Fact]
    public void The_table_holds_the_six_profiles_and_shares_Chinas_numbers_with_the_rule_profile()
    {
        Assert.Equal(new[] { "CN", "EU", "EU-AIACT", "US-IL", "US-TX", "US-CO" }, JurisdictionRequirementTable.All.Select(p => p.Id));
        Assert.Same(JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.Find("us-il"));
        Assert.Null(JurisdictionRequirementTable.Find("US-WA"));
        Assert.Equal(JurisdictionProfiles.China.FilingThreshold, JurisdictionRequirementTable.CN.FilingThreshold!.Value.Value);
        Assert.Equal(JurisdictionProfiles.China.GuardianConsentAge, JurisdictionRequirementTable.CN.GuardianConsentAge!.Value.Value);

        // Every value names its row and evidence; a profile sets at most one deletion limit per anchor.
        foreach (var profile in JurisdictionRequirementTable.All)
        {
            var rows = profile.NoticeElements.Select(e => (e.Rule, e.Evidence))
                .Concat(profile.ConsentRequirements.Select(c => (c.Rule, c.Evidence)))
                .Concat(profile.DeletionLimits.Select(l => (l.Rule, l.Evidence)))
                .Concat(profile.Bans.Select(b => (b.Rule, b.Evidence)));
            Assert.All(rows, row => Assert.True(row.Rule.Length > 0 && row.Evidence.Length > 0));
            Assert.Equal(profile.DeletionLimits.Count, profile.DeletionLimits.Select(l => l.Value.Anchor).Distinct().Count());
        }

        Assert.Equal(new[] { ProfileExemption.AiTraining }, JurisdictionRequirementTable.USTX.Exemptions.Where(e => e.Unconfirmed).Select(e => e.Value));
    }

    [Fact]
    public void The_Jurisdiction_enum_names_the_profiles_of_the_table_value_for_value()
    {
        Assert.Equal(
            Enum.GetValues<Jurisdiction>().Select(j => ((int)j, j.ToString().Replace('_', '-'))),
            LawValues.JurisdictionIds.Select((id, value) => (value, id)));
        Assert.Equal(LawValues.JurisdictionIds, JurisdictionRequirementTable.All.Select(p => p.Id));
        Assert.Equal(LawValues.AiActRoleNames, Enum.GetNames<AiActRole>());
    }

    [Fact]
    public void Law_periods_compare_by_length_and_count_calendar_months()
    {
        Assert.True(LawPeriod.OfMonths(24).CompareTo(LawPeriod.OfYears(3)) < 0);
        Assert.True(LawPeriod.OfDays(45).CompareTo(LawPeriod.OfYears(1)) < 0);
        Assert.True(LawPeriod.OfDays(400).CompareTo(LawPeriod.OfYears(1)) > 0);
        Assert.Equal(0, LawPeriod.OfYears(1).CompareTo(LawPeriod.OfMonths(12)));
        Assert.Equal(new DateTimeOffset(2029, 2, 28, 0, 0, 0, TimeSpan.Zero), LawPeriod.OfYears(3).After(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("3 years", LawPeriod.OfYears(3).ToString());
        Assert.Equal("45 days", LawPeriod.OfDays(45).ToString());
    }

    private static string Describe(MergedRequirements merged)
        => string.Join("\n", new object?[]
        {
            merged.ConsentFlags, merged.GuardianConsentAge, string.Join(",", merged.DeletionLimits), merged.RecordsFloor,
            string.Join(",", merged.NoticeElements), string.Join(",", merged.RequiredAssessments), string.Join(",", merged.Bans),
            string.Join(",", merged.Exemptions), string.Join(",", merged.AllowedDisclosureBases!),
        });

    [Fact]
    public void The_merge_ignores_rows_not_in_force_on_the_law_date()
    {
        var profiles = new[] { JurisdictionRequirementTable.CN, JurisdictionRequirementTable.USIL, JurisdictionRequirementTable.USCO, JurisdictionRequirementTable.EUAIACT };
        MergedRequirements At(int year, int month, int day) => ProfileMerge.Merge(profiles, new DateTime(year, month, day), PurposeDesign.None, Array.Empty<ConflictResolution>());

        // Before the Measures (2025-06-01) China asks only the PIPL's properties; before P.A. 103-0769 BIPA a written release.
        var early = At(2024, 8, 1);
        Assert.Equal(ConsentProperty.Explicit | ConsentProperty.PurposeSpecific | ConsentProperty.NoticeVersionBound | ConsentProperty.Written, early.ConsentFlags);
        Assert.Null(early.FilingThreshold);
        Assert.Null(early.DeviceLocalDefault);
        Assert.Equal(ConsentProperty.WrittenOrESignature, At(2024, 8, 2).ConsentFlags & (ConsentProperty.WrittenOrESignature | ConsentProperty.Written));

        // Colorado's 24 months from 2025-07-01; the AI Act bans from 2025-02-02 and its high-risk log floor from 2026-08-02.
        Assert.Equal(LawPeriod.OfYears(3), At(2025, 6, 30).DeletionLimitFrom(RetentionAnchor.LastInteraction)!.Value.Period);
        Assert.Equal(LawPeriod.OfMonths(24), At(2025, 7, 1).DeletionLimitFrom(RetentionAnchor.LastInteraction)!.Value.Period);
        Assert.DoesNotContain(At(2025, 2, 1).Bans, ban => ban.Value.StartsWith("AIA-5", StringComparison.Ordinal));
        Assert.Contains(At(2025, 2, 2).Bans, ban => ban.Value == "AIA-5-1-F");
        Assert.Equal(LawPeriod.OfYears(3), At(2026, 8, 2).RecordsFloor!.Value);
        var logs = ProfileMerge.Merge(new[] { JurisdictionRequirementTable.EUAIACT }, new DateTime(2026, 8, 2), PurposeDesign.None, Array.Empty<ConflictResolution>()).RecordsFloor!;
        Assert.Equal(("AIA-12-LOGS", LawPeriod.OfMonths(6)), (Assert.Single(logs.Sources).Rule, logs.Value));
        Assert.True(JurisdictionRequirementTable.EUAIACT.RecordsFloor!.Value.Window.DateUnconfirmed);
        Assert.Null(ProfileMerge.Merge(new[] { JurisdictionRequirementTable.EUAIACT }, new DateTime(2026, 8, 1), PurposeDesign.None, Array.Empty<ConflictResolution>()).RecordsFloor);
    }

    [Fact]
    public void Without_a_date_the_merge_uses_the_fixed_default_law_date()
    {
        Assert.Equal(new DateTime(2026, 12, 1), LawDate.Default);
        var undated = ProfileMerge.Merge(new[] { JurisdictionRequirementTable.USIL });
        var dated = ProfileMerge.Merge(new[] { JurisdictionRequirementTable.USIL }, LawDate.Default, PurposeDesign.None, Array.Empty<ConflictResolution>());
        Assert.Equal(dated.ConsentFlags, undated.ConsentFlags);
        Assert.Equal(ConsentProperty.WrittenOrESignature | ConsentProperty.PurposeSpecific | ConsentProperty.NoticeVersionBound, undated.ConsentFlags);
    }

    [Theory]
    [InlineData("2026-12-01", true, 2026, 12, 1)]
    [InlineData(" 2024-02-29 ", true, 2024, 2, 29)]
    [InlineData(null, true, 2026, 12, 1)]
    [InlineData("", true, 2026, 12, 1)]
    [InlineData("2023-02-29", false, 2026, 12, 1)]
    [InlineData("2026/12/01", false, 2026, 12, 1)]
    public void The_law_date_is_read_as_yyyy_MM_dd_and_defaults_to_the_shipped_date(string? text, bool valid, int year, int month, int day)
    {
        Assert.Equal(valid, LawDate.TryParse(text, out var date));
        Assert.Equal(new DateTime(year, month, day), date);
    }

    [Fact]
    public void The_runtime_consent_property_mirrors_the_profile_table_value_for_value()
        => Assert.Equal(
            Enum.GetValues<ConsentProperty>().Where(v => v != ConsentProperty.None).Select(v => (v.ToString(), (int)v)),
            Enum.GetValues<FacialConsentProperty>().Select(v => (v.ToString(), (int)v)));
}
