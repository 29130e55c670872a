//! "Copy link to this run", saying what really happened. The clipboard API
//! exists only in a secure context (https, or this computer), and the
//! browser may still refuse; either way the link is shown in a read-only
//! field, selected, for the student to copy by hand.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The link that reopens the exercise and reruns it.
    pub url: AttrValue,
}

#[derive(Clone, PartialEq)]
pub enum Outcome {
    NotTried,
    Copied,
    /// Why not, in words.
    Refused(String),
}

#[function_component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let outcome = use_state_eq(|| Outcome::NotTried);
    let field = use_node_ref();
    // A different link: what happened to the last one no longer applies.
    {
        let outcome = outcome.clone();
        use_effect_with(props.url.clone(), move |_| outcome.set(Outcome::NotTried));
    }
    // Refused: the link is selected, so Ctrl+C (Cmd+C) copies it.
    {
        let field = field.clone();
        use_effect_with((*outcome).clone(), move |outcome| {
            if let (Outcome::Refused(_), Some(input)) = (outcome, field.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let copy = {
        let (url, outcome) = (props.url.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let (url, outcome) = (url.clone(), outcome.clone());
            wasm_bindgen_futures::spawn_local(async move { outcome.set(copy_to_clipboard(&url).await) });
        })
    };
    let select = Callback::from(|event: FocusEvent| event.target_unchecked_into::<HtmlInputElement>().select());
    html! {
        <div class="share">
            <button type="button" class="secondary" data-testid="copy-link" onclick={copy}>
                { if *outcome == Outcome::Copied { "Link copied" } else { "Copy link to this run" } }
            </button>
            <p class="share-status" role="status" data-testid="copy-status"
               data-state={match &*outcome { Outcome::NotTried => "", Outcome::Copied => "copied", Outcome::Refused(_) => "refused" }}>
                { match &*outcome {
                    Outcome::NotTried => String::new(),
                    Outcome::Copied => "Link copied: paste it anywhere to reopen this run.".to_string(),
                    Outcome::Refused(why) => format!("{why} Copy the link from the field below instead."),
                } }
            </p>
            if matches!(*outcome, Outcome::Refused(_)) {
                <label class="share-field">
                    <span>{ "Link to this run" }</span>
                    <input ref={field} type="text" readonly=true value={props.url.clone()} data-testid="share-link"
                           onfocus={select} spellcheck="false" />
                </label>
            }
        </div>
    }
}

pub async fn copy_to_clipboard(url: &str) -> Outcome {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Outcome::Refused("There is no window to copy from.".into());
    };
    // `navigator.clipboard` is undefined outside a secure context.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    if clipboard.is_undefined() || clipboard.is_null() {
        return Outcome::Refused(
            "This browser lets a page copy only over https or from this computer, so nothing was copied.".into(),
        );
    }
    match JsFuture::from(clipboard.unchecked_into::<web_sys::Clipboard>().write_text(url)).await {
        Ok(_) => Outcome::Copied,
        Err(error) => {
            let reason = error
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "no reason given".into());
            Outcome::Refused(format!("The browser did not allow copying ({reason}), so nothing was copied."))
        }
    }
}
