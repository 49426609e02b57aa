import { Global, Module } from '@nestjs/common';
import { ReferenceNumbers } from './reference-numbers';
import { TransactionService } from './transaction.service';

@Global()
@Module({ providers: [TransactionService, ReferenceNumbers], exports: [TransactionService, ReferenceNumbers] })
export class DatabaseModule {}
