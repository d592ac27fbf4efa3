import { intakeTasks, type IntakeSetup } from '../intake/intakeTasks';
import { MalformedInputError } from '../intake/limits';
import { serveTasks } from '../workers/workerLoop';
import { cardPictureTarget, type PdfReading } from './fileReaders';
import { prepareImageOutcome } from './prepareImage';
import { readPortfolioPdf } from './readPortfolioPdf';

/**
 * The worker thread for untrusted files the wallet opens besides imports (fileReaders.ts): a
 * card picture shrunk from a stored PNG or JPEG, a portfolio PDF taken apart for "Check a PDF".
 * It reads credentials too, as intakeWorker.ts does, so one worker entry serves every kind of
 * untrusted file. Declared as an entry of the main build (electron.vite.config.ts).
 */
serveTasks((setup: IntakeSetup) => ({
  ...intakeTasks(setup),
  thumbnail: (file) => prepareImageOutcome({ bytes: file.bytes, mediaType: '' }, cardPictureTarget),
  'portfolio-pdf': async (file): Promise<PdfReading> => {
    try {
      // Not verified here: verification needs the wallet's cache, registries and network setting.
      return { kind: 'read', report: await readPortfolioPdf(file.bytes, { limits: setup.limits }) };
    } catch (error) {
      if (error instanceof MalformedInputError) return { kind: 'refused', reason: error.message };
      throw error;
    }
  },
}));
