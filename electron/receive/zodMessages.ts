// @openid4vc/utils and @openid4vc/oauth2 replace zod's process-wide error map (z.config) when they are first loaded, so
// every zod message in the process changed wording, the app's own contract refusals included
// ("Invalid ISO date" became "expected an ISO date"). Loading the library here first, then
// restoring zod's own English messages, keeps one wording for the whole app, whatever imports
// the library first. Every module that imports @openid4vc imports this one.
import '@openid4vc/oauth2';
import { z } from 'zod';

// customError (theirs) would still win over any locale: cleared.
z.config({ customError: undefined, ...z.locales.en() });
