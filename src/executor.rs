//! The module's own tiny executor: every SDK call is a task that `js/host.js`
//! polls, so that the host sees every failure of the module itself.
//!
//! On wasm32 a Rust panic aborts: the panic hook runs, then the module traps
//! (`unreachable`) and the trap unwinds to the JavaScript that called in.
//! After a trap the instance cannot be trusted (its shadow stack and its
//! allocator are wherever the trap left them), so it must not run again.
//! Hence:
//!
//! - every poll of every call is made by `js/host.js` inside `try`/`catch`: a
//!   trap rejects that call with `INTERNAL`, and host.js replaces the instance
//!   with a fresh one (`__wbg_reset_state`, exported by wasm-bindgen's
//!   `--experimental-reset-state-function`) before anything else runs in it;
//!   the calls that were pending in the old instance reject with `INTERNAL`
//!   too, and clients rebuild what they hold in the module on the new one;
//! - the panic hook tells host.js at once (while the instance is still sound)
//!   with the panic's message, so that a panic where host.js does not hold the
//!   `try` (a promise callback of the module) is recovered from all the same,
//!   and so that host.js never has to call into a trapped instance to ask.
//!
//! wasm-bindgen's own `handler::schedule_reinit()` is not used: it resets the
//! instance at whatever export call comes next, behind the host's back, while
//! host.js must reset it at a point where no frame of the old instance is on
//! the stack and it can settle the old instance's calls. Its abort handler
//! (`--force-enable-abort-handler`) needs WebAssembly exception handling
//! (`try_table`), which Node 20 does not run.
//!
//! No executor state is borrowed while a task is polled.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use wasm_bindgen::prelude::*;

use crate::host;

type Task = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

thread_local! {
    /// The pending calls; a slot is `None` while its task is being polled.
    static TASKS: RefCell<Vec<Option<Task>>> = const { RefCell::new(Vec::new()) };
    /// The JS function through which host.js polls a task (made once, with
    /// the panic hook).
    static POLL: RefCell<Option<Rc<JsValue>>> = const { RefCell::new(None) };
}

/// Tells host.js of a panic, with its message and place, before the trap.
/// In a debug build (the wasm tests) the hook that was there before runs too:
/// the test harness's, which prints a failed assertion. Not in the package:
/// std's default hook costs some 6 KB of module and prints nowhere on wasm32.
fn install_panic_hook() {
    #[cfg(debug_assertions)]
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let message = match info.location() {
            Some(place) => format!("{message} at {}:{}", place.file(), place.line()),
            None => message,
        };
        host::record_panic(&message);
        #[cfg(debug_assertions)]
        previous(info);
    }));
}

/// Runs `future` as one SDK call; the returned promise settles with its result,
/// or rejects with a `MoveUgcError` (`INTERNAL`) should the module fail while
/// running it or another call.
pub fn spawn(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> js_sys::Promise {
    spawn_task(Box::pin(future))
}

/// [`spawn`] once its future is boxed: one copy of this for every caller
/// (each caller's own code is only the boxing).
#[inline(never)]
fn spawn_task(task: Task) -> js_sys::Promise {
    // (`try_with` rather than `with`, whose failure message costs the module
    // code it never needs: a thread-local outlives every call here.)
    let id = TASKS.try_with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        match tasks
            .iter_mut()
            .enumerate()
            .find(|(_, slot)| slot.is_none())
        {
            Some((free, slot)) => {
                *slot = Some(task);
                free
            }
            None => {
                tasks.push(Some(task));
                tasks.len() - 1
            }
        }
    });
    let Ok(id) = id else {
        return js_sys::Promise::reject(&JsValue::from_str("move-ugc: no executor"));
    };
    host::start_task(id as u32, &poll_function())
}

/// The function host.js calls to poll task `id`.
fn poll_function() -> Rc<JsValue> {
    POLL.try_with(|cell| {
        Rc::clone(cell.borrow_mut().get_or_insert_with(|| {
            install_panic_hook();
            Rc::new(Closure::<dyn FnMut(u32)>::new(poll_task).into_js_value())
        }))
    })
    .unwrap_or_else(|_| Rc::new(JsValue::UNDEFINED))
}

/// Polls task `id` once; settles its promise through host.js when it is done.
fn poll_task(id: u32) {
    let slot = id as usize;
    // Take the task out: nothing stays borrowed while it runs.
    let Some(mut task) = TASKS
        .try_with(|tasks| tasks.borrow_mut().get_mut(slot).and_then(Option::take))
        .ok()
        .flatten()
    else {
        return; // already finished: a late wake-up
    };
    let waker = Waker::from(Arc::new(TaskWaker { id }));
    match task.as_mut().poll(&mut Context::from_waker(&waker)) {
        Poll::Pending => {
            let _ = TASKS.try_with(|tasks| {
                if let Some(place) = tasks.borrow_mut().get_mut(slot) {
                    *place = Some(task);
                }
            });
        }
        Poll::Ready(result) => {
            let (ok, value) = match result {
                Ok(value) => (true, value),
                Err(error) => (false, error),
            };
            host::settle_task(id, ok, &value);
        }
    }
}

/// Wakes a task by asking host.js to poll it again (in a microtask).
struct TaskWaker {
    id: u32,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        host::wake_task(self.id);
    }
}
