// happy-dom has no IndexedDB; Dexie runs on this in-memory implementation in unit tests.
import 'fake-indexeddb/auto';
