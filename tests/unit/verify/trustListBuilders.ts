// Builders for the EU trusted-list tests: certificate authorities and Europass seals made with
// @peculiar/x509 (independent of the verifier's own certificate code), and the XML of the EU's
// List of Trusted Lists and of a member state's list, as ETSI TS 119 612 writes them.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { Intake } from '../../../electron/intake/intake';
import { euLotlUrl } from '../../../electron/verify/trustList/sealTrust';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { LoopbackInternet } from '../../support/loopbackInternet';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
export const belgianList = 'https://tsl.belgium.example/tsl-be.xml';
export const granted = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted';
export const withdrawn = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn';

export interface Authority {
  readonly keys: CryptoKeyPair;
  readonly cert: x509.X509Certificate;
}

export async function authority(name: string): Promise<Authority> {
  const keys = await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a',
    name,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: ecdsa,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return { keys, cert };
}

export const der = (cert: x509.X509Certificate): string => Buffer.from(cert.rawData).toString('base64');

/** A Europass credential sealed as the EU's tools seal it: JAdES, unencoded payload, the sealing certificate in x5c. */
export async function sealedBy(ca: Authority, subject: string): Promise<NormalizedCredential> {
  const keys = await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '2b',
    subject,
    issuer: ca.cert.subject,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2028-01-01T00:00:00Z'),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ecdsa,
  });
  const payload = JSON.stringify({
    id: 'urn:credential:7f3c1a52-seal-test',
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    issuer: { id: 'urn:epass:org:acme', type: 'Organisation', legalName: { en: 'Acme Academy' } },
    issuanceDate: '2026-03-01T00:00:00Z',
    credentialSubject: { id: 'urn:epass:person:1', type: 'Person', fullName: { en: 'Ada Learner' } },
  });
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', b64: false, crit: ['b64'], x5c: [der(leaf), der(ca.cert)] })).toString('base64url');
  const signature = await webcrypto.subtle.sign(ecdsa, keys.privateKey, Buffer.from(`${header}.${payload}`, 'utf8'));
  const envelope = JSON.stringify({ payload, signatures: [{ protected: header, signature: Buffer.from(signature).toString('base64url') }] });
  const [outcome] = await new Intake().inspect({ name: 'sealed.json', bytes: new TextEncoder().encode(envelope) });
  if (outcome?.outcome !== 'recognised') throw new Error('the sealed credential was not read');
  return outcome.credential;
}

export function lotl(pointers: readonly { territory: string; location: string }[]): string {
  const entries = pointers
    .map(
      (p) => `<OtherTSLPointer><ServiceDigitalIdentities/><TSLLocation>${p.location}</TSLLocation><AdditionalInformation>
        <OtherInformation><SchemeTerritory>${p.territory}</SchemeTerritory></OtherInformation>
        <OtherInformation><tslx:MimeType>application/vnd.etsi.tsl+xml</tslx:MimeType></OtherInformation></AdditionalInformation></OtherTSLPointer>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" xmlns:tslx="http://uri.etsi.org/02231/v2/additionaltypes#">
  <SchemeInformation><SchemeOperatorName><Name xml:lang="en">European Commission</Name></SchemeOperatorName>
    <SchemeTerritory>EU</SchemeTerritory><ListIssueDateTime>2026-11-20T09:00:00Z</ListIssueDateTime>
    <PointersToOtherTSL>${entries}
      <OtherTSLPointer><TSLLocation>https://tsl.belgium.example/tsl-be-copy</TSLLocation><AdditionalInformation><OtherInformation><SchemeTerritory>BE</SchemeTerritory></OtherInformation>
        <OtherInformation><tslx:MimeType>application/pdf</tslx:MimeType></OtherInformation></AdditionalInformation></OtherTSLPointer>
    </PointersToOtherTSL></SchemeInformation>
</TrustServiceStatusList>`;
}

function service(cert: x509.X509Certificate, status: string, history = ''): string {
  return `<TSPService><ServiceInformation>
      <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
      <ServiceName><Name xml:lang="nl">Gekwalificeerde zegels</Name><Name xml:lang="en">Qualified seals CA</Name></ServiceName>
      <ServiceDigitalIdentity><DigitalId><X509Certificate>${der(cert).replace(/(.{64})/g, '$1\n')}</X509Certificate></DigitalId></ServiceDigitalIdentity>
      <ServiceStatus>${status}</ServiceStatus>
      <ServiceInformationExtensions><Extension Critical="false"><AdditionalServiceInformation>
        <URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals</URI></AdditionalServiceInformation></Extension></ServiceInformationExtensions>
    </ServiceInformation>${history}</TSPService>`;
}

/**
 * Providers as real lists carry hundreds of: a trade name, addresses, a qualified CA for
 * e-signatures and a qualified time-stamping service, each with its certificate. Enough of them
 * to make the list at least `minBytes` long (real member states' lists run to megabytes).
 */
function otherProviders(filler: Authority, minBytes: number): string {
  const certificate = der(filler.cert).replace(/(.{64})/g, '$1\n');
  const providers: string[] = [];
  let length = 0;
  for (let i = 1; length < minBytes; i++) {
    const provider = `<TrustServiceProvider><TSPInformation>
      <TSPName><Name xml:lang="fr">Prestataire de confiance ${String(i)} SA</Name><Name xml:lang="en">Trust Provider ${String(i)} Ltd</Name></TSPName>
      <TSPTradeName><Name xml:lang="en">VATBE-0${String(400_000_000 + i * 7919)}</Name></TSPTradeName>
      <TSPAddress><PostalAddresses><PostalAddress xml:lang="en"><StreetAddress>Rue de la Loi ${String(i)}</StreetAddress><Locality>Brussels</Locality><PostalCode>1000</PostalCode><CountryName>BE</CountryName></PostalAddress></PostalAddresses>
        <ElectronicAddress><URI xml:lang="en">mailto:trust${String(i)}@provider.example</URI><URI xml:lang="en">https://provider${String(i)}.example</URI></ElectronicAddress></TSPAddress>
      <TSPInformationURI><URI xml:lang="en">https://provider${String(i)}.example/repository</URI></TSPInformationURI></TSPInformation>
      <TSPServices>
        <TSPService><ServiceInformation><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
          <ServiceName><Name xml:lang="en">Trust Provider ${String(i)} Qualified CA for e-signatures</Name></ServiceName>
          <ServiceDigitalIdentity><DigitalId><X509Certificate>${certificate}</X509Certificate></DigitalId></ServiceDigitalIdentity>
          <ServiceStatus>${granted}</ServiceStatus><StatusStartingTime>2024-0${String((i % 9) + 1)}-01T00:00:00Z</StatusStartingTime>
          <ServiceInformationExtensions><Extension Critical="false"><AdditionalServiceInformation>
            <URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures</URI></AdditionalServiceInformation></Extension></ServiceInformationExtensions>
        </ServiceInformation></TSPService>
        <TSPService><ServiceInformation><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST</ServiceTypeIdentifier>
          <ServiceName><Name xml:lang="en">Trust Provider ${String(i)} Qualified Time Stamping</Name></ServiceName>
          <ServiceDigitalIdentity><DigitalId><X509Certificate>${certificate}</X509Certificate></DigitalId></ServiceDigitalIdentity>
          <ServiceStatus>${granted}</ServiceStatus><StatusStartingTime>2025-01-01T00:00:00Z</StatusStartingTime>
        </ServiceInformation></TSPService>
      </TSPServices></TrustServiceProvider>`;
    providers.push(provider);
    length += provider.length;
  }
  return providers.join('\n    ');
}

/**
 * Belgium's list: one provider with a granted seal CA, and one whose CA was withdrawn (granted
 * only in its history); `padding` adds other providers until the list is that long.
 */
export function belgianTsl(grantedCa: Authority, withdrawnCa: Authority, padding?: { filler: Authority; minBytes: number }): string {
  const past = `<ServiceHistory><ServiceHistoryInstance><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
      <ServiceDigitalIdentity><DigitalId><X509Certificate>${der(withdrawnCa.cert)}</X509Certificate></DigitalId></ServiceDigitalIdentity>
      <ServiceStatus>${granted}</ServiceStatus></ServiceHistoryInstance></ServiceHistory>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#">
  <SchemeInformation><SchemeOperatorName><Name xml:lang="nl">FOD Economie</Name><Name xml:lang="en">FPS Economy</Name></SchemeOperatorName>
    <SchemeTerritory>BE</SchemeTerritory><ListIssueDateTime>2026-11-15T00:00:00Z</ListIssueDateTime></SchemeInformation>
  <TrustServiceProviderList>
    ${padding ? otherProviders(padding.filler, padding.minBytes) : ''}
    <TrustServiceProvider><TSPInformation><TSPName><Name xml:lang="nl">Gekwalificeerde Test VZW</Name><Name xml:lang="en">Qualified Test TSP</Name></TSPName></TSPInformation>
      <TSPServices>${service(grantedCa.cert, granted)}</TSPServices></TrustServiceProvider>
    <TrustServiceProvider><TSPInformation><TSPName><Name xml:lang="en">Former TSP</Name></TSPName></TSPInformation>
      <TSPServices>${service(withdrawnCa.cert, withdrawn, past)}</TSPServices></TrustServiceProvider>
  </TrustServiceProviderList>
</TrustServiceStatusList>`;
}

/** Belgium's two seal CAs: the one its list grants now, and the former one it withdrew. */
export async function belgianAuthorities(): Promise<{ listedCa: Authority; formerCa: Authority }> {
  return { listedCa: await authority('C=BE, O=Qualified Test TSP, CN=Test QSeal CA'), formerCa: await authority('C=BE, O=Former TSP, CN=Former QSeal CA') };
}

/** The loopback internet serving the EU's List of Trusted Lists (which points to Belgium's list) and, at that address, the Belgian list given. */
export async function belgianInternet(list: string): Promise<LoopbackInternet> {
  const net = await LoopbackInternet.start();
  net.serve(euLotlUrl, { body: lotl([{ territory: 'BE', location: belgianList }]), contentType: 'application/xml' });
  net.serve(belgianList, { body: list, contentType: 'application/xml' });
  return net;
}
