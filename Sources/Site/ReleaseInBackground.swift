import Foundation

/// Lets go of a value on a thread of its own. Freeing a 10,000-page kit node by node took 2 % of
/// `check`'s time, after its work was done: a command's process exits meanwhile and the system
/// takes the memory back at once, while a longer-lived process (the tests, `serve`) still frees it.
func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let value = value
    Thread.detachNewThread { withExtendedLifetime(value) {} }
}
