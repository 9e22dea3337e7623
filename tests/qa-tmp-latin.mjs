import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const urls=['/zh/','/zh/section/ke-yan','/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin','/zh/news/zhong-de-gongcheng-jiaoyu-hezuo-luntan/speech/2','/zh/speakers','/zh/speakers/ma-ku-si-huo-fu-man','/zh/search?q=上海','/zh/saved','/zh/nope','/zh/offline','/zh/news/archive/1'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:1280,height:800} });
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('PAGEERR', e.message));
for (const u of urls) {
  await page.goto(B+u,{waitUntil:'load'});
  await page.keyboard.press('Shift'); await page.waitForFunction(()=>document.documentElement.dataset.app==='hydrated',null,{timeout:8000}).catch(()=>console.log(' nohyd'));
  await page.waitForTimeout(800);
  const r = await page.evaluate(()=>{
    const out=new Set();
    const w=document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n; while((n=w.nextNode())){ const p=n.parentElement; if(!p||p.closest('script,style,template,noscript')) continue; if(/[A-Za-z]{2,}/.test(n.data)) out.add('T['+(p.closest('[lang]')?.lang)+'] '+n.data.trim().slice(0,70)); }
    for (const e of document.querySelectorAll('[aria-label],[alt],[title],[placeholder],[aria-description]')) for (const a of ['aria-label','alt','title','placeholder']) { const v=e.getAttribute(a); if(v&&/[A-Za-z]{2,}/.test(v)) out.add('A '+a+'='+v.slice(0,60)); }
    return {title:document.title, lang:document.documentElement.lang, h:[...document.querySelectorAll('h1,h2,h3')].map(h=>h.tagName[1]).join(''), out:[...out]};
  });
  console.log(u, JSON.stringify(r));
}
await browser.close();
