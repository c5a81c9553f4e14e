import 'reflect-metadata';
import { runService } from '@onestop/platform';
import { digitalSignatureService } from './service';

void runService(digitalSignatureService);
