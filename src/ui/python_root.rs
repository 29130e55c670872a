//! The Python panel module's root (`src/bin/panel.rs` mounts it): the
//! page's [`PanelInput`] as [`PythonPanel`]'s props, with the task and the
//! hints drawn here (the page's own copy lives in the page).

use yew::prelude::*;

use super::learn::Hints;
use super::markdown::Markdown;
use super::python_panel::PythonPanel;
use crate::page::panel::input::PanelInput;

#[derive(Properties, PartialEq)]
pub struct PanelRootProps {
    pub input: std::rc::Rc<PanelInput>,
    /// The page's "Show the next hint": one count of hints for both copies.
    pub on_reveal: Callback<()>,
}

#[function_component]
pub fn PanelRoot(props: &PanelRootProps) -> Html {
    let input = &props.input;
    let brief = html! {
        <>
            // Not a landmark: the page's own Task is one (axe's landmark-unique).
            <section class="py-task">
                <h2>{ "Task" }</h2>
                <Markdown html={AttrValue::from(input.task.clone())} />
            </section>
            <Hints hints={input.hints.clone()} shown={input.hints_shown as usize} on_reveal={props.on_reveal.clone()} prefix="python-" />
        </>
    };
    html! {
        <PythonPanel slug={AttrValue::from(input.slug.clone())} starter={AttrValue::from(input.starter.clone())}
                     solution={AttrValue::from(input.solution.clone())} expected={AttrValue::from(input.expected.clone())}
                     checks={input.checks.clone()} check_steps={input.check_steps.clone()} rust={input.rust.clone()}
                     {brief} open_request={input.open_request} fragment={AttrValue::from(input.fragment.clone())} />
    }
}
