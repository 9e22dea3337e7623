import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const [,, start, width='1280', ...steps] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:+width,height:800}, deviceScaleFactor:1 });
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('PAGEERR', e.message));
page.on('console', m=>{ if(m.type()==='error'||m.type()==='warning') console.log('CONSOLE', m.type(), m.text())});
page.on('framenavigated', f=>{ if(f===page.mainFrame()) console.log('  [framenavigated]', f.url())});
await page.goto(B+start, {waitUntil:'load'});
await page.keyboard.press('Shift');
await page.waitForFunction(()=>document.documentElement.dataset.app==='hydrated', null, {timeout:10000}).catch(()=>console.log('no hydrate'));
const state = async (label)=>{
  const s = await page.evaluate(()=>{const e=document.activeElement; const live=[...document.querySelectorAll('[aria-live],[role=status],[role=alert]')].map(x=>(x.id||x.className)+'='+JSON.stringify(x.textContent.trim().slice(0,80)));
    return {url:location.pathname+location.search+location.hash, title:document.title, lang:document.documentElement.lang, focus: e? (e.tagName+(e.id?'#'+e.id:'')+' '+(e.innerText||e.value||'').trim().slice(0,40)):null, scrollY, live, h1:document.querySelector('h1')?.textContent.trim().slice(0,40), desc:document.querySelector('meta[name=description]')?.content.slice(0,50), app:document.documentElement.dataset.app}});
  console.log(label, JSON.stringify(s));
};
await state('start');
let n=0;
for (const st of steps) {
  n++;
  if (st.startsWith('tabto:')) { // tab until focused element text/href includes
    const want = st.slice(6);
    for (let i=0;i<80;i++){ await page.keyboard.press('Tab'); const ok = await page.evaluate(w=>{const e=document.activeElement; return (e.getAttribute('href')||'')===w || (e.innerText||'').trim()===w || e.id===w}, want); if(ok) break; if(i===79) console.log('NOT FOUND', want);}
    await state(`  ${st}`);
  } else if (st.startsWith('key:')) { await page.keyboard.press(st.slice(4)); await page.waitForTimeout(700); await state(`  ${st}`); }
  else if (st.startsWith('type:')) { await page.keyboard.type(st.slice(5), {delay:80}); await page.waitForTimeout(900); await state(`  ${st}`); }
  else if (st==='back') { await page.goBack(); await page.waitForTimeout(700); await state('  back'); }
  else if (st==='fwd') { await page.goForward(); await page.waitForTimeout(700); await state('  fwd'); }
  else if (st.startsWith('scroll:')) { await page.mouse.wheel(0, +st.slice(7)); await page.waitForTimeout(500); await state(`  ${st}`); }
  else if (st.startsWith('shot:')) { await page.screenshot({path:`/tmp/qaZ/shots/${st.slice(5)}.png`}); console.log('  shot', st.slice(5)); }
  else if (st.startsWith('ax')) { const s = await page.locator(st.slice(3)||'body').ariaSnapshot(); console.log(s); }
  else if (st.startsWith('wait:')) { await page.waitForTimeout(+st.slice(5)); }
  else if (st.startsWith('eval:')) { console.log('  eval', JSON.stringify(await page.evaluate(st.slice(5)))); }
}
await browser.close();
