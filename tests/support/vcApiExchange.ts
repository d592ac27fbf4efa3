// A local VC-API exchange server as the Digital Credentials Consortium's issuers run one (the
// flow the Learner Credential Wallet speaks): an interaction URL answering `protocols.vcapi`, an
// exchange that asks for DID authentication with a challenge and a domain, and the DCC
// request-link endpoint (`vc_request_url`). The wallet's presentation is checked with Digital
// Bazaar's verifier (@digitalbazaar/vc, eddsa-rdfc-2022, did:key resolved locally), not with our
// code; only a presentation that passes, for this challenge and domain, gets a credential,
// itself signed with the Digital Bazaar stack.
import { randomBytes } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { generateEd25519Issuer, makeOb3Credential, offlineDocumentLoader, signDataIntegrity, type Ed25519Issuer } from './credentials';
import type { LoopbackAnswer, LoopbackInternet } from './loopbackInternet';

export interface PresentationCheck {
  readonly verified: boolean;
  readonly holder?: string;
  readonly challenge: string;
  readonly domain?: string;
  readonly errors: string[];
}

export interface TestExchange {
  readonly interactionUrl: string;
  readonly requestLink: string;
  readonly issuer: Ed25519Issuer;
  /** Every presentation the wallet sent, as Digital Bazaar judged it. */
  readonly checks: PresentationCheck[];
  readonly requests: string[];
}

export interface ExchangeOptions {
  readonly host?: string;
  /** Ask for something beyond DID authentication (a QueryByExample for credentials). */
  readonly askForCredentials?: boolean;
  /** The exchange is gone (expired or used). */
  readonly expired?: boolean;
}

const json = (body: object, status = 200): LoopbackAnswer => ({ status, body, contentType: 'application/json' });

async function judge(presentation: unknown, challenge: string, domain: string | undefined): Promise<PresentationCheck> {
  const result = await vc.verify({
    presentation: presentation as object,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: offlineDocumentLoader,
    challenge,
    ...(domain === undefined ? {} : { domain }),
    unsignedPresentation: false,
  });
  const errors: string[] = [];
  const collect = (error: (Error & { errors?: Error[] }) | undefined): void => {
    if (!error) return;
    if (error.errors?.length) for (const inner of error.errors) collect(inner);
    else errors.push(error.message);
  };
  collect(result.error);
  for (const r of result.presentationResult?.results ?? []) collect(r.error);
  const holder = (presentation as { holder?: unknown }).holder;
  return { verified: result.verified, ...(typeof holder === 'string' ? { holder } : {}), challenge, ...(domain === undefined ? {} : { domain }), errors };
}

export async function startTestExchange(internet: LoopbackInternet, options: ExchangeOptions = {}): Promise<TestExchange> {
  const host = options.host ?? 'vcapi.issuer.example';
  const origin = `https://${host}`;
  const issuer = await generateEd25519Issuer();
  const id = randomBytes(6).toString('hex');
  const exchangeUrl = `${origin}/workflows/badge/exchanges/${id}`;
  const challenge = randomBytes(12).toString('base64url');
  const requestChallenge = randomBytes(12).toString('base64url');
  const record: TestExchange = {
    interactionUrl: `${origin}/interactions/${id}?iuv=1`,
    requestLink: `https://lcw.app/request.html?issuer=${encodeURIComponent(origin)}&auth_type=bearer&challenge=${requestChallenge}&vc_request_url=${encodeURIComponent(`${origin}/request/${id}`)}`,
    issuer,
    checks: [],
    requests: [],
  };
  const issue = async (holder: string) =>
    signDataIntegrity(makeOb3Credential({ issuer: issuer.did, name: 'Exchange Badge', achievementName: 'Exchange Badge', recipient: { did: holder } }), issuer, 'eddsa-rdfc-2022');
  internet
    .serve(record.interactionUrl, (request) => (record.requests.push(`${request.method} ${request.path}`), json({ protocols: { vcapi: exchangeUrl } })))
    .serve(exchangeUrl, async (request) => {
      record.requests.push(`${request.method} ${request.path}`);
      if (options.expired) return json({ message: 'Exchange not found.' }, 404);
      if (request.method !== 'POST') return json({ message: 'POST only' }, 405);
      const body = JSON.parse(request.body || '{}') as { verifiablePresentation?: unknown };
      if (body.verifiablePresentation === undefined) {
        const query = [{ type: 'DIDAuthentication', acceptedMethods: [{ method: 'key' }], acceptedCryptosuites: [{ cryptosuite: 'eddsa-rdfc-2022' }] }];
        if (options.askForCredentials) query.push({ type: 'QueryByExample' } as never);
        return json({
          verifiablePresentationRequest: {
            query,
            challenge,
            domain: host,
            interact: { service: [{ type: 'UnmediatedHttpPresentationService2021', serviceEndpoint: exchangeUrl }] },
          },
        });
      }
      const check = await judge(body.verifiablePresentation, challenge, host);
      record.checks.push(check);
      if (!check.verified || !check.holder) return json({ message: 'DID authentication failed.' }, 400);
      return json({
        verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [await issue(check.holder)] },
      });
    })
    .serve(`${origin}/request/${id}`, async (request) => {
      record.requests.push(`${request.method} ${request.path}`);
      const check = await judge(JSON.parse(request.body) as unknown, requestChallenge, undefined);
      record.checks.push(check);
      if (!check.verified || !check.holder) return json({ message: 'DID authentication failed.' }, 400);
      return json(await issue(check.holder));
    });
  return record;
}
