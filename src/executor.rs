//! The module's own tiny executor, so that a panic can never poison it.
//!
//! On wasm32 a Rust panic aborts: the module traps, and the trap unwinds to
//! the JavaScript that called in. Had the trap happened inside
//! wasm-bindgen-futures' task queue, the caller's promise would never settle
//! and the runtime would see an unhandled rejection. Here every poll of every
//! call is made by `js/host.js` inside `try`/`catch`: a trap rejects just that
//! call with a `MoveUgcError`, the task is dropped, and every other call and
//! the instance go on. No executor state is borrowed while a task is polled.

use std::cell::{Cell, RefCell};
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
    /// The JS functions through which host.js polls a task and reads the last
    /// panic (made once, with the panic hook).
    static HOOKS: RefCell<Option<Rc<(JsValue, JsValue)>>> = const { RefCell::new(None) };
    /// The message of the last panic, for the error that reports it.
    static LAST_PANIC: Cell<Option<String>> = const { Cell::new(None) };
}

/// Keeps the message of a panic, for the error that reports it.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        LAST_PANIC.with(|last| last.set(Some(message)));
    }));
}

/// Runs `future` as one SDK call; the returned promise settles with its result,
/// or rejects with a `MoveUgcError` should the module fail while running it.
pub fn spawn(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> js_sys::Promise {
    let id = TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        let task: Task = Box::pin(future);
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
    let hooks = hooks();
    host::start_task(id as u32, &hooks.0, &hooks.1)
}

/// The functions host.js calls: poll task `id`, and take the last panic's message.
fn hooks() -> Rc<(JsValue, JsValue)> {
    HOOKS.with(|cell| {
        Rc::clone(cell.borrow_mut().get_or_insert_with(|| {
            install_panic_hook();
            let poll = Closure::<dyn FnMut(u32)>::new(poll_task).into_js_value();
            let last_panic =
                Closure::<dyn FnMut() -> Option<String>>::new(|| LAST_PANIC.with(Cell::take))
                    .into_js_value();
            Rc::new((poll, last_panic))
        }))
    })
}

/// Polls task `id` once; settles its promise through host.js when it is done.
fn poll_task(id: u32) {
    let slot = id as usize;
    // Take the task out: nothing stays borrowed while it runs.
    let Some(mut task) =
        TASKS.with(|tasks| tasks.borrow_mut().get_mut(slot).and_then(Option::take))
    else {
        return; // already finished, or dropped after a failure: a late wake-up
    };
    let waker = Waker::from(Arc::new(TaskWaker { id }));
    match task.as_mut().poll(&mut Context::from_waker(&waker)) {
        Poll::Pending => TASKS.with(|tasks| {
            if let Some(place) = tasks.borrow_mut().get_mut(slot) {
                *place = Some(task);
            }
        }),
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
