using FaceCompliance;

// The gate also serves residents in the EU: the GDPR applies (Art. 3), with the contacts its Art. 13 notice needs.
// The purpose declares the rest (CommunityEntry.ProvisionRequirementEn); the generator writes CommunityEntry.GdprNotice.
[assembly: OperatesIn(Jurisdiction.EU,
    DataProtectionOfficerContact = "dpo@sunny-gardens.example",
    SupervisoryAuthority = "the data protection supervisory authority of the EU member state where you live or work, or where you think your rights were infringed (Art. 77(1)); the authorities are listed at https://www.edpb.europa.eu/about-edpb/about-edpb/members_en")]
