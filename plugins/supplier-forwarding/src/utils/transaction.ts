import type { EntityManager } from "typeorm"

type TransactionalService = { transactionManager_?: EntityManager; manager_: EntityManager }

/**
 * Runs `work` in the service's transaction when it was given one (withTransaction), or
 * in a new one. Unlike Medusa's atomicPhase_, it never stores the transaction on the
 * service: our services are singletons called concurrently (the dispatcher delivers
 * several messages at once, webhooks arrive in parallel), and atomicPhase_ would let one
 * call's queries run in another call's transaction.
 */
export function inTransaction<T>(service: object, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const { transactionManager_, manager_ } = service as unknown as TransactionalService
  return transactionManager_ ? work(transactionManager_) : manager_.transaction(work)
}
